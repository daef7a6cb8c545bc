//! The user's configuration: library folders, annotation storage, theme, default layers,
//! keys, mouse.
//!
//! Looked up from `--config FILE`, then `$SAYSO_CONFIG`, then the platform config dir
//! (`~/.config/sayso/config.toml` on Linux). The whole file is parsed and validated before
//! any of it is used, so a bad file stops start-up with its file, line and column and is
//! never half-applied.

mod theme;

use std::collections::HashMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::{self, Deserializer};

pub use theme::{Colour, PaneColours, ThemeConfig};

use crate::annotate::store::data_dir_env;
use crate::annotate::{Storage, StorageMode, StoreError, resolve_data_dir};
use crate::tui::keymap::{Binding, KeyChord, Keymap};

/// Environment variable naming the config file.
pub const CONFIG_ENV: &str = "SAYSO_CONFIG";

/// Which highlight layers the reader shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Layers {
    pub speakers: bool,
    pub claims: bool,
    pub numbers: bool,
}

impl Default for Layers {
    fn default() -> Self {
        Layers {
            speakers: true,
            claims: true,
            numbers: true,
        }
    }
}

/// The configuration file's contents, validated.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Folders (or files) opened when sayso is started without paths. `~/` is expanded;
    /// relative paths are relative to the config file.
    pub library: Vec<PathBuf>,
    /// Where annotation files go: `"data-dir"` (one file per article under the data dir)
    /// or `"sidecar"` (`<article file>.sayso.toml` beside each article).
    #[serde(deserialize_with = "storage_mode")]
    pub storage: StorageMode,
    /// The data directory (annotations in its `annotations/` folder). `--data-dir` and
    /// `$SAYSO_DATA_DIR` take precedence; unset: the platform's (`~/.local/share/sayso`).
    #[serde(deserialize_with = "some_path")]
    pub data_dir: Option<PathBuf>,
    /// Where `E` in the reader writes exports; unset: the current directory.
    #[serde(deserialize_with = "some_path")]
    pub export_dir: Option<PathBuf>,
    /// Where `sayso add` saves articles; unset: the first library folder, else the data
    /// dir's `articles/`.
    #[serde(deserialize_with = "some_path")]
    pub inbox: Option<PathBuf>,
    /// Feeds `sayso feeds update` reads: addresses (RSS, Atom, JSON Feed) or files.
    pub feeds: Vec<String>,
    /// Mouse support: click to focus and select, wheel to scroll.
    pub mouse: bool,
    /// Layers shown when an article opens.
    pub layers: Layers,
    pub theme: ThemeConfig,
    /// Key name → action name (or `none`), applied over the defaults.
    pub keys: HashMap<KeyChord, Binding>,
    /// The file this config was read from, if any.
    #[serde(skip)]
    pub source: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            library: Vec::new(),
            storage: StorageMode::default(),
            data_dir: None,
            export_dir: None,
            inbox: None,
            feeds: Vec::new(),
            mouse: true,
            layers: Layers::default(),
            theme: ThemeConfig::default(),
            keys: HashMap::new(),
            source: None,
        }
    }
}

/// Why the configuration could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {}: {error}", path.display())]
    Read {
        path: PathBuf,
        // Not a `source`: the message holds it, so a chain says it once.
        error: std::io::Error,
    },
    #[error("{}:{line}:{column}: {message}", path.display())]
    Invalid {
        path: PathBuf,
        /// 1-based.
        line: usize,
        /// 1-based, in characters.
        column: usize,
        message: String,
    },
}

impl Config {
    /// Loads the config from `explicit`, else `$SAYSO_CONFIG`, else the platform config
    /// file if it exists, else the defaults.
    pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        let platform = directories::ProjectDirs::from("", "", "sayso")
            .map(|d| d.config_dir().join("config.toml"));
        Config::load_from(explicit, std::env::var_os(CONFIG_ENV), platform)
    }

    /// [`Config::load`] with the environment given: the value of `$SAYSO_CONFIG` and the
    /// platform default path.
    pub fn load_from(
        explicit: Option<&Path>,
        env: Option<OsString>,
        platform: Option<PathBuf>,
    ) -> Result<Config, ConfigError> {
        let chosen = match (explicit, env.filter(|v| !v.is_empty())) {
            (Some(path), _) => Some(path.to_path_buf()),
            (None, Some(env)) => Some(PathBuf::from(env)),
            // The platform file is optional; an explicit or env file must exist.
            (None, None) => platform.filter(|p| p.exists()),
        };
        match chosen {
            Some(path) => Config::read(&path),
            None => Ok(Config::default()),
        }
    }

    /// Reads and validates one config file.
    pub fn read(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|error| ConfigError::Read {
            path: path.to_path_buf(),
            error,
        })?;
        let mut config = Config::parse(&text, path)?;
        config.source = Some(path.to_path_buf());
        Ok(config)
    }

    /// Parses config text; `path` names it in error messages.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        toml::from_str::<Config>(text).map_err(|e| {
            let (line, column) = e.span().map_or((1, 1), |s| line_column(text, s.start));
            ConfigError::Invalid {
                path: path.to_path_buf(),
                line,
                column,
                message: e.message().trim().to_string(),
            }
        })
    }

    /// The live keymap: defaults plus `[keys]`.
    pub fn keymap(&self) -> Keymap {
        Keymap::with_overrides(self.keys.iter())
    }

    /// The library folders with `~/` expanded and relative paths resolved against the
    /// config file's folder.
    pub fn library_paths(&self) -> Vec<PathBuf> {
        self.library.iter().map(|p| self.resolve(p)).collect()
    }

    /// `data_dir`, resolved as the library folders are.
    pub fn data_dir_path(&self) -> Option<PathBuf> {
        self.data_dir.as_deref().map(|p| self.resolve(p))
    }

    /// Where annotation files are kept: the `storage` mode, in the data dir from `flag`
    /// (`--data-dir`), else `$SAYSO_DATA_DIR`, else `data_dir`, else the platform's.
    pub fn annotation_storage(&self, flag: Option<&Path>) -> Result<Storage, StoreError> {
        let dir = resolve_data_dir(
            flag,
            data_dir_env().as_deref(),
            self.data_dir_path().as_deref(),
        )?;
        Ok(Storage::from_mode(self.storage, &dir))
    }

    /// Where `sayso add` saves: `inbox`, else the first library entry that is a folder
    /// (or is not there yet), else `articles/` in the data dir (`flag`: `--data-dir`).
    pub fn inbox_path(&self, flag: Option<&Path>) -> Result<PathBuf, StoreError> {
        if let Some(inbox) = &self.inbox {
            return Ok(self.resolve(inbox));
        }
        if let Some(folder) = self.library_paths().into_iter().find(|p| !p.is_file()) {
            return Ok(folder);
        }
        let dir = resolve_data_dir(
            flag,
            data_dir_env().as_deref(),
            self.data_dir_path().as_deref(),
        )?;
        Ok(dir.join("articles"))
    }

    /// `export_dir`, resolved as the library folders are.
    pub fn export_dir_path(&self) -> Option<PathBuf> {
        self.export_dir.as_deref().map(|p| self.resolve(p))
    }

    /// `~/` expanded; a relative path taken relative to the config file's folder.
    fn resolve(&self, p: &Path) -> PathBuf {
        let home = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
        let base = self.source.as_deref().and_then(Path::parent);
        if let (Ok(rest), Some(home)) = (p.strip_prefix("~"), &home) {
            home.join(rest)
        } else if p.is_relative() {
            base.map_or_else(|| p.to_path_buf(), |b| b.join(p))
        } else {
            p.to_path_buf()
        }
    }
}

fn storage_mode<'de, D: Deserializer<'de>>(d: D) -> Result<StorageMode, D::Error> {
    String::deserialize(d)?.parse().map_err(de::Error::custom)
}

/// A path that must not be empty (an empty string would silently mean "here").
fn some_path<'de, D: Deserializer<'de>>(d: D) -> Result<Option<PathBuf>, D::Error> {
    let s = String::deserialize(d)?;
    if s.trim().is_empty() {
        return Err(de::Error::custom(
            "expected a directory path (leave the option out for the default)",
        ));
    }
    Ok(Some(PathBuf::from(s)))
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests;
