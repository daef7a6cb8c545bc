//! Shared by the end-to-end tests: a tmux server per test driving the real binary, and
//! the one-article library most of them use.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_sayso");

pub const ARTICLE: &str = "Bridge plans unveiled\n\n\"We will build it,\" said Jane Doe. The bridge will cost $5 million.\n";

pub fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sayso-e2e-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// A tmux server of our own (its own socket), killed on drop.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// A server on a socket of its own per test (`name`), so tests run in parallel.
    pub fn start(name: &str, command: &str) -> Tmux {
        let tmux = Tmux {
            socket: format!("sayso-e2e-{name}-{}", std::process::id()),
        };
        // A state dir of its own (session, journal, logs) unless the command names one: a
        // session left by another test must not restore here.
        let state = std::env::temp_dir().join(format!("{}-state", tmux.socket));
        // A cache of its own too: a digest cache left by an earlier run must not be used.
        let command = format!(
            "XDG_STATE_HOME={} XDG_CACHE_HOME={} {command}",
            shell_quote(&state),
            shell_quote(&state.join("cache"))
        );
        let command = command.as_str();
        let out = tmux.run(&[
            "new-session",
            "-d",
            "-x",
            "120",
            "-y",
            "40",
            "-s",
            "e2e",
            command,
        ]);
        assert!(
            out.status.success(),
            "tmux new-session: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        tmux
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success());
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }

    /// Waits until the screen shows `needle`; fails with the screen if it never does.
    pub fn wait_for(&self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "never saw {needle:?}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Sends `keys` until the screen shows `needle` (up to four times, five seconds each):
    /// for keys that are idempotent once they took effect, on a machine so loaded that a
    /// test may press before the last frame's input was read.
    pub fn press_until(&self, keys: &[&str], needle: &str) -> String {
        for _ in 0..3 {
            self.keys(keys);
            let deadline = Instant::now() + Duration::from_secs(5);
            while Instant::now() < deadline {
                let screen = self.screen();
                if screen.contains(needle) {
                    return screen;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        self.keys(keys);
        self.wait_for(needle)
    }

    /// The pid of the process the pane's shell runs (a command given as `sayso …; sleep`).
    pub fn child_pid(&self) -> String {
        let shell = self.pane("#{pane_pid}");
        let out = Command::new("pgrep")
            .args(["-P", &shell])
            .output()
            .expect("pgrep");
        let pid = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        assert!(!pid.is_empty(), "a process runs under {shell}");
        pid
    }

    pub fn session_alive(&self) -> bool {
        self.run(&["has-session", "-t", "e2e"]).status.success()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

pub fn shell_quote(p: &Path) -> String {
    format!("'{}'", p.display().to_string().replace('\'', "'\\''"))
}

/// The bridge article in a temporary folder of its own, with a config (no mouse) and a
/// data dir beside it: the setup the tests below share.
pub struct Bridge {
    pub dir: PathBuf,
    pub articles: PathBuf,
    pub data: PathBuf,
    pub config: PathBuf,
}

impl Bridge {
    pub fn new(name: &str) -> Bridge {
        let dir = temp_dir(name);
        let articles = dir.join("articles");
        std::fs::create_dir_all(&articles).unwrap();
        std::fs::write(articles.join("bridge.txt"), ARTICLE).unwrap();
        let config = dir.join("config.toml");
        std::fs::write(&config, "mouse = false\n").unwrap();
        Bridge {
            data: dir.join("data"),
            dir,
            articles,
            config,
        }
    }

    /// The shell command running sayso on the article, after `env` assignments, then `tail`.
    pub fn command(&self, env: &str, tail: &str) -> String {
        format!(
            "{env} {} --config {} --data-dir {} {}{tail}",
            BIN,
            shell_quote(&self.config),
            shell_quote(&self.data),
            shell_quote(&self.articles)
        )
    }

    /// The annotation files written so far.
    pub fn annotation_files(&self) -> Vec<PathBuf> {
        walk(&self.data.join("annotations"))
    }
}

impl Tmux {
    /// Opens the one article and moves to its claim.
    pub fn open_the_claim(&self) {
        self.open_the_claim_of("Library 1/1");
    }

    /// Once the library shows `library` (its position line), opens the selected
    /// article and moves to its claim.
    pub fn open_the_claim_of(&self, library: &str) {
        self.wait_for(library);
        self.keys(&["Enter"]);
        self.wait_for(" READER ");
        // Under load the claim may not be extracted yet when `]` arrives: press it again
        // until the reader is on it.
        let on_claim = |t: &Tmux| t.screen().contains("Jane Doe · said");
        for _ in 0..40 {
            self.keys(&["]"]);
            if self.until(1, on_claim) {
                return;
            }
        }
        self.wait_for("Jane Doe · said");
    }

    /// Replaces the claim's tags with `tags` and waits until `shown` shows.
    pub fn tag(&self, tags: &str, shown: &str) {
        self.keys(&["t"]);
        self.wait_for("tags: ");
        self.keys(&["C-u", tags, "Enter"]);
        self.wait_for(shown);
    }

    /// A tmux format of the pane (`#{alternate_on}`, `#{cursor_flag}`, `#{pane_pid}`).
    pub fn pane(&self, format: &str) -> String {
        let out = self.run(&["display-message", "-p", "-t", "e2e", format]);
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// Polls `done` for up to `secs` seconds; whether it came true.
    pub fn until(&self, secs: u64, done: impl Fn(&Tmux) -> bool) -> bool {
        let deadline = Instant::now() + Duration::from_secs(secs);
        while !done(self) {
            if Instant::now() >= deadline {
                return false;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        true
    }

    /// `q` until sayso (the session's only command) is gone: from the reader the first `q`
    /// goes back to the library, the next quits.
    pub fn quit(&self) {
        for _ in 0..3 {
            if !self.session_alive() {
                return;
            }
            self.keys(&["q"]);
            if self.until(3, |t| !t.session_alive()) {
                return;
            }
        }
        assert!(self.until(30, |t| !t.session_alive()), "q quits sayso");
    }
}

/// Every `.toml` file under `dir`.
pub fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.filter_map(Result::ok) {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else if p.extension().is_some_and(|x| x == "toml") {
                out.push(p);
            }
        }
    }
    out
}
