//! Profile-guided inlining, as Go 1.21's PGO (cmd/compile/internal/pgo and
//! inline/inl.go): a CPU profile (`pprof.rs` reads it) becomes a weighted
//! call graph, edges (caller, call line minus the caller's first line,
//! callee) weighted by the samples whose two innermost frames make the
//! call, inlined frames included; the heaviest edges that make up
//! `cdf_threshold` percent of the total weight are hot. A function called
//! at a hot edge may cost up to `budget` (2000) instead of 80, and a call at
//! a hot call site (caller and line offset) may inline such a callee.

pub mod pprof;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use frontend::ast::SourceMap;
use ir::{FuncId, Package, Pos};

use pprof::Profile;

/// Go's `pgoinlinebudget` default: what a hot callee may cost.
pub const HOT_BUDGET: i32 = 2000;
/// Go's `pgoinlinecdfthreshold` default, in percent.
pub const CDF_THRESHOLD: f64 = 99.0;

/// A call edge of the profile: caller, call line's offset from the caller's first line, callee.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Edge {
    pub caller: String,
    pub offset: i64,
    pub callee: String,
}

/// The profile's call edges and their weights.
#[derive(Debug, Default)]
pub struct WeightedEdges {
    pub weights: HashMap<Edge, i64>,
    pub total: i64,
}

/// A frame of a sample: Go's graph node (function, address, line, first line).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Frame<'a> {
    name: &'a str,
    address: u64,
    line: i64,
    start_line: i64,
}

impl WeightedEdges {
    /// The call edges of a profile, or None when it has none to weigh (no
    /// samples, or only single frames), which Go accepts and ignores.
    pub fn from_profile(profile: &Profile) -> Result<Option<WeightedEdges>, String> {
        if profile.sample.is_empty() {
            return Ok(None);
        }
        let index = profile
            .sample_type
            .iter()
            .position(|t| matches!((profile.string(t.r#type), profile.string(t.unit)), ("samples", "count") | ("cpu", "nanoseconds")))
            .ok_or("profile does not contain a sample index with value/type \"samples/count\" or cpu/nanoseconds\"")?;
        let functions: HashMap<u64, &pprof::Function> = profile.function.iter().map(|f| (f.id, f)).collect();
        let locations: HashMap<u64, Vec<Frame>> = profile
            .location
            .iter()
            .map(|l| {
                let frames = l
                    .line
                    .iter()
                    .map(|line| {
                        let f = functions.get(&line.function_id);
                        Frame {
                            name: f.map_or("", |f| profile.string(f.name)),
                            address: l.address,
                            line: line.line,
                            start_line: f.map_or(0, |f| f.start_line),
                        }
                    })
                    .collect();
                (l.id, frames)
            })
            .collect();
        let mut edges = WeightedEdges::default();
        let mut flat_total = 0;
        let mut start_lines = false;
        for sample in &profile.sample {
            let weight = sample.value.get(index).copied().unwrap_or(0);
            if weight == 0 {
                continue;
            }
            // Only the two innermost locations make edges (Go's graph: a
            // caller further up is unlikely to be a repeated call); within a
            // location, from the function holding the code to the innermost
            // inlined call.
            let mut seen = HashSet::new();
            let mut parent: Option<Frame> = None;
            let outer = sample.location_id.len().min(2);
            for id in sample.location_id[..outer].iter().rev() {
                for &frame in locations.get(id).map_or(&[][..], Vec::as_slice).iter().rev() {
                    start_lines |= frame.start_line != 0;
                    if let Some(caller) = parent.filter(|p| *p != frame) {
                        if seen.insert((caller, frame)) {
                            let edge = Edge {
                                caller: caller.name.to_string(),
                                offset: caller.line - caller.start_line,
                                callee: frame.name.to_string(),
                            };
                            *edges.weights.entry(edge).or_default() += weight;
                            edges.total += weight;
                        }
                    }
                    parent = Some(frame);
                }
            }
            if parent.is_some() {
                flat_total += weight;
            }
        }
        if flat_total == 0 || edges.total == 0 {
            return Ok(None);
        }
        if !start_lines {
            return Err("profile missing Function.start_line data (Go version of profiled application too old? Go 1.20+ automatically adds this to profiles)".to_string());
        }
        Ok(Some(edges))
    }

    /// Go's `hotNodesFromCDF`: the edges by weight (heaviest first, then by
    /// caller, callee and offset) up to and including the one that takes
    /// their cumulated weight over `threshold` percent of the total, and
    /// that edge's weight (0 when no edge does).
    pub fn hot_edges(&self, threshold: f64) -> (i64, Vec<(&Edge, i64)>) {
        let mut edges: Vec<(&Edge, i64)> = self.weights.iter().map(|(e, w)| (e, *w)).collect();
        edges.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| a.0.caller.cmp(&b.0.caller))
                .then_with(|| a.0.callee.cmp(&b.0.callee))
                .then(a.0.offset.cmp(&b.0.offset))
        });
        let mut cumulated = 0;
        for (i, (_, weight)) in edges.iter().enumerate() {
            cumulated += weight;
            if percent(cumulated, self.total) > threshold {
                let last = *weight;
                edges.truncate(i + 1);
                return (last, edges);
            }
        }
        (0, edges)
    }
}

/// `(v / total) * 100`, as Go's WeightInPercentage.
pub fn percent(v: i64, total: i64) -> f64 {
    (v as f64 / total as f64) * 100.0
}

/// What the inliner needs from a profile: the functions called at hot
/// edges, which get the hot budget, and the hot call sites.
pub struct HotSites {
    /// The last hot edge's weight (Go prints its share of `total` as the threshold).
    pub threshold_weight: i64,
    /// The weight of all the profile's call edges.
    pub total: i64,
    pub budget: i32,
    callees: HashSet<FuncId>,
    /// Hot call sites (caller, line offset) and the weight of their hot edges.
    sites: HashMap<(FuncId, i64), i64>,
    map: Arc<SourceMap>,
    /// The source file's absolute path (Go 1.21 prints one position with it).
    file: String,
}

impl HotSites {
    /// The hot sites of `edges` among the package's functions, by their
    /// linker names (`main.f`, `main.(*T).M`, `main.f.func1`).
    pub fn new(pkg: &Package, edges: &WeightedEdges, threshold: f64, budget: i32, map: Arc<SourceMap>, file: String) -> HotSites {
        let by_name: HashMap<String, FuncId> = pkg
            .funcs
            .iter()
            .enumerate()
            .filter(|(_, f)| f.has_body && !f.is_wrapper && f.copy_of.is_none())
            .map(|(i, f)| (pkg.link_name(f), FuncId(i as u32)))
            .collect();
        let (threshold_weight, hot) = edges.hot_edges(threshold);
        let mut sites =
            HotSites { threshold_weight, total: edges.total, budget, callees: HashSet::new(), sites: HashMap::new(), map, file };
        for (edge, weight) in hot {
            if let Some(callee) = by_name.get(&edge.callee) {
                sites.callees.insert(*callee);
            }
            if let Some(caller) = by_name.get(&edge.caller) {
                *sites.sites.entry((*caller, edge.offset)).or_default() += weight;
            }
        }
        sites
    }

    /// Whether a hot edge calls the function.
    pub fn is_hot_callee(&self, f: FuncId) -> bool {
        self.callees.contains(&f)
    }

    /// `pos` as `/abs/x.go:line:col`.
    pub fn absolute_position(&self, pos: Pos) -> String {
        self.map.position(&self.file, pos)
    }

    /// The weight of the hot call site at `call` in `caller` (declared at
    /// `caller_pos`), if it is one.
    pub fn site(&self, caller: FuncId, caller_pos: Pos, call: Pos) -> Option<i64> {
        let offset = i64::from(self.map.line_col(call).0) - i64::from(self.map.line_col(caller_pos).0);
        self.sites.get(&(caller, offset)).copied()
    }
}

/// A float as Go's `%v` prints it: the shortest text that reads back the
/// same, with an exponent below 1e-4 or from 1e21 on.
pub fn go_float(v: f64) -> String {
    let magnitude = v.abs();
    if v != 0.0 && !(1e-4..1e21).contains(&magnitude) {
        let text = format!("{:e}", v);
        let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
        let exponent: i32 = exponent.parse().unwrap_or(0);
        format!("{}e{}{:02}", mantissa, if exponent < 0 { '-' } else { '+' }, exponent.abs())
    } else {
        format!("{}", v)
    }
}

#[cfg(test)]
mod tests {
    use super::pprof::{Function, Line, Location, Sample, ValueType};
    use super::*;

    #[test]
    fn floats_print_as_gos_percent_v() {
        assert_eq!(go_float(50.0), "50");
        assert_eq!(go_float(0.4975124378109453), "0.4975124378109453");
        assert_eq!(go_float(1e-5), "1e-05");
        assert_eq!(go_float(0.0), "0");
        assert_eq!(go_float(2.5e21), "2.5e+21");
    }

    /// A profile of `main.f` (declared at line 10) calling `main.g` (line
    /// 20) at line 12 `n` times and `main.h` (line 30) at line 14 `m` times,
    /// h's call inlined into f.
    fn profile(n: i64, m: i64) -> Profile {
        let strings = ["", "samples", "count", "main.f", "main.g", "main.h"];
        let function = |id, name, start_line| Function { id, name, system_name: name, filename: 0, start_line };
        let line = |function_id, line| Line { function_id, line };
        Profile {
            sample_type: vec![ValueType { r#type: 1, unit: 2 }],
            sample: vec![Sample { location_id: vec![1, 2], value: vec![n] }, Sample { location_id: vec![3], value: vec![m] }],
            location: vec![
                Location { id: 1, address: 0x100, line: vec![line(2, 21)] },
                Location { id: 2, address: 0x200, line: vec![line(1, 12)] },
                Location { id: 3, address: 0x300, line: vec![line(3, 31), line(1, 14)] },
            ],
            function: vec![function(1, 3, 10), function(2, 4, 20), function(3, 5, 30)],
            string_table: strings.iter().map(|s| s.to_string()).collect(),
            ..Profile::default()
        }
    }

    #[test]
    fn samples_make_weighted_edges_at_line_offsets() {
        let edges = WeightedEdges::from_profile(&profile(30, 10)).unwrap().unwrap();
        let edge = |callee: &str, offset| Edge { caller: "main.f".to_string(), offset, callee: callee.to_string() };
        assert_eq!(edges.weights.get(&edge("main.g", 2)), Some(&30));
        assert_eq!(edges.weights.get(&edge("main.h", 4)), Some(&10), "an inlined frame is a call");
        assert_eq!(edges.total, 40);
    }

    #[test]
    fn the_cdf_keeps_the_edge_that_crosses_the_threshold() {
        let edges = WeightedEdges::from_profile(&profile(30, 10)).unwrap().unwrap();
        let (last, hot) = edges.hot_edges(50.0);
        assert_eq!((last, hot.len()), (30, 1));
        assert_eq!(hot[0].0.callee, "main.g");
        let (last, hot) = edges.hot_edges(99.0);
        assert_eq!((last, hot.len()), (10, 2));
        // Never crossed: every edge, and no last one.
        assert_eq!(edges.hot_edges(100.0), (0, hot));
    }

    #[test]
    fn profiles_without_edges_are_ignored_and_without_cpu_samples_refused() {
        assert!(WeightedEdges::from_profile(&Profile::default()).unwrap().is_none());
        let mut single = profile(0, 0);
        single.sample = vec![Sample { location_id: vec![1], value: vec![5] }];
        assert!(WeightedEdges::from_profile(&single).unwrap().is_none());
        let mut other = profile(1, 1);
        other.string_table[1] = "alloc_space".to_string();
        assert!(WeightedEdges::from_profile(&other).unwrap_err().starts_with("profile does not contain a sample index"));
    }
}
