//! Reading a pprof profile (github.com/google/pprof's profile.proto, as Go's
//! runtime/pprof and minigo's runtime write it): the messages and fields
//! PGO reads (and the period its tests check), decoded with prost,
//! gunzipped first when gzipped.

use std::io::Read;

use prost::Message;

#[derive(Clone, PartialEq, Message)]
pub struct Profile {
    #[prost(message, repeated, tag = "1")]
    pub sample_type: Vec<ValueType>,
    #[prost(message, repeated, tag = "2")]
    pub sample: Vec<Sample>,
    #[prost(message, repeated, tag = "4")]
    pub location: Vec<Location>,
    #[prost(message, repeated, tag = "5")]
    pub function: Vec<Function>,
    #[prost(string, repeated, tag = "6")]
    pub string_table: Vec<String>,
    #[prost(message, optional, tag = "11")]
    pub period_type: Option<ValueType>,
    #[prost(int64, tag = "12")]
    pub period: i64,
}

#[derive(Clone, PartialEq, Message)]
pub struct ValueType {
    #[prost(int64, tag = "1")]
    pub r#type: i64,
    #[prost(int64, tag = "2")]
    pub unit: i64,
}

#[derive(Clone, PartialEq, Message)]
pub struct Sample {
    /// Leaf first.
    #[prost(uint64, repeated, tag = "1")]
    pub location_id: Vec<u64>,
    #[prost(int64, repeated, tag = "2")]
    pub value: Vec<i64>,
}

#[derive(Clone, PartialEq, Message)]
pub struct Location {
    #[prost(uint64, tag = "1")]
    pub id: u64,
    #[prost(uint64, tag = "3")]
    pub address: u64,
    /// Innermost inlined call first, the function holding the code last.
    #[prost(message, repeated, tag = "4")]
    pub line: Vec<Line>,
}

#[derive(Clone, PartialEq, Message)]
pub struct Line {
    #[prost(uint64, tag = "1")]
    pub function_id: u64,
    #[prost(int64, tag = "2")]
    pub line: i64,
}

#[derive(Clone, PartialEq, Message)]
pub struct Function {
    #[prost(uint64, tag = "1")]
    pub id: u64,
    #[prost(int64, tag = "2")]
    pub name: i64,
    #[prost(int64, tag = "3")]
    pub system_name: i64,
    #[prost(int64, tag = "4")]
    pub filename: i64,
    #[prost(int64, tag = "5")]
    pub start_line: i64,
}

impl Profile {
    /// Decodes a profile file's bytes, gzipped or not; what is not a
    /// profile is refused in the words of Go's internal/profile. An empty
    /// file is an empty profile, as Go 1.21 reads it.
    pub fn decode_file(bytes: &[u8]) -> Result<Profile, String> {
        let mut raw = Vec::new();
        let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
            flate2::read::GzDecoder::new(bytes)
                .read_to_end(&mut raw)
                .map_err(|e| format!("error parsing profile: decompressing profile: {}", e))?;
            &raw[..]
        } else {
            bytes
        };
        if bytes.is_empty() {
            return Ok(Profile::default());
        }
        let unrecognized = || "error parsing profile: parsing profile: unrecognized profile format".to_string();
        let profile = Profile::decode(bytes).map_err(|_| unrecognized())?;
        if profile.string_table.first().is_none_or(|s| !s.is_empty()) {
            return Err(unrecognized());
        }
        for sample in &profile.sample {
            if sample.value.len() != profile.sample_type.len() {
                return Err(format!(
                    "error parsing profile: malformed profile: mismatch: sample has: {} values vs. {} types",
                    sample.value.len(),
                    profile.sample_type.len()
                ));
            }
        }
        Ok(profile)
    }

    /// Entry `i` of the string table ("" when out of range).
    pub fn string(&self, i: i64) -> &str {
        usize::try_from(i).ok().and_then(|i| self.string_table.get(i)).map_or("", String::as_str)
    }
}
