//! The C runtime's own checks (`runtime/test/check.sh`: print formats,
//! slices, strings, panics, signals, goroutines and channels, against
//! goldens recorded from Go 1.19, or hand-checked where Go has no equivalent),
//! run once per target: the host's with `cc`, aarch64's with
//! `aarch64-linux-gnu-gcc` under qemu-aarch64. A target that cannot be built
//! or run here is skipped with a note, except under `CI=true`, where it fails.

use std::path::Path;
use std::process::Command;

use backend::Target;

/// Runs check.sh for `target`; panics with its output when a check fails.
fn check_runtime(target: Target) {
    let cross = target != Target::host();
    let available = backend::check_target(target).and_then(|()| target.run_command(Path::new("prog")));
    let runner = match available {
        Ok(command) => command,
        Err(why) if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("CI=true and the {} runtime checks cannot run: {}", target, why)
        }
        Err(why) => {
            eprintln!("note: skipping the {} runtime checks: {}", target, why);
            return;
        }
    };
    // RUN is the emulator prefix: the run command without the program itself.
    let mut run = vec!["timeout -s KILL 120".to_string()];
    if cross {
        run.push(runner.get_program().to_string_lossy().into_owned());
        let args: Vec<String> = runner.get_args().map(|a| a.to_string_lossy().into_owned()).collect();
        run.extend(args[..args.len() - 1].iter().cloned());
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("runtime/test/check.sh");
    let mut command = Command::new("sh");
    command.arg(&script).env("RUN", run.join(" "));
    if cross {
        // As backend/src/link.rs links a cross-built executable.
        command.env("CC", format!("{}-linux-gnu-gcc", target)).env(
            "LDFLAGS",
            match target {
                Target::Aarch64 => "-Wl,--dynamic-linker=/lib/aarch64-linux-gnu/ld-linux-aarch64.so.1",
                Target::X86_64 => "-Wl,--dynamic-linker=/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2",
            },
        );
    } else {
        command.env("CC", "cc");
    }
    let output = command.output().unwrap_or_else(|e| panic!("running {}: {}", script.display(), e));
    let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "runtime checks failed on {}:\n{}", target, text);
    eprint!("{} runtime checks:\n{}", target, text);
}

#[test]
fn runtime_matches_go_x86_64() {
    check_runtime(Target::X86_64);
}

#[test]
fn runtime_matches_go_aarch64() {
    check_runtime(Target::Aarch64);
}
