//! Path arithmetic of the go command, done lexically as Go's `path/filepath`
//! does it: `Clean`, `Rel`, and cmd/go's `base.ShortPath`, which decides how
//! a diagnostic names the file (`./prog.go`, `sub/prog.go`, `../prog.go` or
//! an absolute path), and the default name of the executable.

/// `filepath.Clean` for Unix paths: no `.` components, no `x/..` pairs, no
/// repeated or trailing slashes; `..` above the root stays at the root.
pub fn clean(path: &str) -> String {
    let rooted = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => match parts.last() {
                Some(&last) if last != ".." => {
                    parts.pop();
                }
                _ if rooted => {}
                _ => parts.push(".."),
            },
            _ => parts.push(part),
        }
    }
    let joined = parts.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{}", joined),
        (false, true) => ".".to_string(),
        (false, false) => joined,
    }
}

/// `filepath.Rel` for two clean absolute paths.
pub fn rel(base: &str, target: &str) -> String {
    let split = |p: &str| -> Vec<String> { p.split('/').filter(|s| !s.is_empty()).map(str::to_string).collect() };
    let (base, target) = (split(base), split(target));
    let common = base.iter().zip(&target).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<&str> = vec![".."; base.len() - common];
    parts.extend(target[common..].iter().map(String::as_str));
    if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    }
}

/// cmd/go's `base.ShortPath`: the path relative to the working directory if
/// that is shorter, the path itself otherwise.
pub fn short_path(cwd: &str, path: &str) -> String {
    let relative = rel(cwd, path);
    if relative.len() < path.len() {
        relative
    } else {
        path.to_string()
    }
}

/// The file name as `go build` prints it in diagnostics: the compiler sees the
/// absolute path and the go command rewrites its directory with `ShortPath`,
/// so `prog.go` is `./prog.go`, `/cwd/sub/prog.go` is `sub/prog.go`.
pub fn display_path(cwd: &str, file: &str) -> String {
    let absolute = clean(&if file.starts_with('/') { file.to_string() } else { format!("{}/{}", cwd, file) });
    let (dir, name) = match absolute.rfind('/') {
        Some(0) => ("/", &absolute[1..]),
        Some(i) => (&absolute[..i], &absolute[i + 1..]),
        None => (".", absolute.as_str()),
    };
    let short = short_path(&clean(cwd), dir);
    if short == "/" {
        format!("/{}", name)
    } else {
        format!("{}/{}", short, name)
    }
}

/// The absolute, clean form of `file`.
pub fn absolute(cwd: &str, file: &str) -> String {
    if file.starts_with('/') {
        clean(file)
    } else {
        clean(&format!("{}/{}", cwd, file))
    }
}

/// The executable's default name: the file's base name without `.go`.
pub fn executable_name(file: &str) -> &str {
    let base = file.rsplit('/').next().unwrap_or(file);
    base.strip_suffix(".go").unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_matches_filepath_clean() {
        assert_eq!(clean("a//b/./c/.."), "a/b");
        assert_eq!(clean("/../x"), "/x");
        assert_eq!(clean("../../x/"), "../../x");
        assert_eq!(clean("./"), ".");
        assert_eq!(clean("/"), "/");
    }

    #[test]
    fn display_paths_match_go_build() {
        assert_eq!(display_path("/tmp/w", "prog.go"), "./prog.go");
        assert_eq!(display_path("/tmp/w", "./prog.go"), "./prog.go");
        assert_eq!(display_path("/tmp/w", "sub/prog.go"), "sub/prog.go");
        assert_eq!(display_path("/tmp/w", "/tmp/w/sub/prog.go"), "sub/prog.go");
        assert_eq!(display_path("/tmp/w/sub", "../prog.go"), "../prog.go");
        assert_eq!(display_path("/a/b/c/d/e", "/x/prog.go"), "/x/prog.go");
        assert_eq!(display_path("/a/b", "/prog.go"), "/prog.go");
    }

    #[test]
    fn executable_names_drop_dir_and_suffix() {
        assert_eq!(executable_name("sub/prog.go"), "prog");
        assert_eq!(executable_name("prog.go"), "prog");
    }
}
