use super::*;
use crate::tui::keymap::Action;
use ratatui::style::Color;

fn parse(text: &str) -> Result<Config, ConfigError> {
    Config::parse(text, Path::new("/cfg/config.toml"))
}

fn error_at(text: &str) -> (usize, usize, String) {
    match parse(text) {
        Err(ConfigError::Invalid {
            line,
            column,
            message,
            path,
        }) => {
            assert_eq!(path, Path::new("/cfg/config.toml"));
            (line, column, message)
        }
        other => panic!("expected an invalid config, got {other:?}"),
    }
}

#[test]
fn example_loads_as_is_and_documents_the_defaults() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("config.example.toml");
    let config = Config::read(&path).expect("config.example.toml must load");
    assert_eq!(
        Config {
            keys: HashMap::new(),
            source: None,
            ..config.clone()
        },
        Config::default()
    );
    assert_eq!(config.keymap(), Keymap::default());
}

#[test]
fn the_light_theme_in_the_example_is_a_valid_theme() {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("config.example.toml"))
            .unwrap();
    let block: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("# A light terminal"))
        .skip(1)
        .take_while(|l| l.starts_with("#   "))
        .collect();
    assert!(!block.is_empty(), "the light theme is documented");
    // `a = "1"  b = "2"` pairs, one table.
    let mut table = String::from("[theme]\n");
    for line in block {
        let line = line.trim_start_matches('#').trim();
        if line.starts_with("claims") {
            table.push_str(line);
            table.push('\n');
        } else {
            for pair in line.split("  ").filter(|p| !p.trim().is_empty()) {
                table.push_str(pair.trim());
                table.push('\n');
            }
        }
    }
    let config = Config::parse(&table, Path::new("light.toml")).expect("the light theme parses");
    assert_eq!(config.theme.claims.len(), 12);
    assert_ne!(config.theme, Config::default().theme);
}

#[test]
fn example_names_every_action() {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("config.example.toml"))
            .unwrap();
    for action in Action::ALL {
        assert!(
            text.contains(action.name()),
            "config.example.toml does not document {}",
            action.name()
        );
    }
}

#[test]
fn empty_file_is_the_defaults() {
    assert_eq!(parse("").unwrap(), Config::default());
}

#[test]
fn options_apply() {
    let config = parse(
        "library = [\"~/news\", \"rel\"]\nmouse = false\n[layers]\nnumbers = false\n\
         [theme]\nspeakers = \"#ff0000\"\nclaims = [\"12\"]\n[theme.panes]\nreader = \"light-blue\"\n\
         [keys]\n\"x\" = \"quit\"\n\"q\" = \"none\"\n",
    )
    .unwrap();
    assert!(!config.mouse);
    assert!(!config.layers.numbers && config.layers.claims);
    assert_eq!(config.theme.speakers, Colour(Color::Rgb(255, 0, 0)));
    assert_eq!(config.theme.claims, vec![Colour(Color::Indexed(12))]);
    assert_eq!(config.theme.panes.reader, Colour(Color::LightBlue));
    let keys = config.keymap();
    assert_eq!(keys.action(&KeyChord::ch('x')), Some(Action::Quit));
    assert_eq!(keys.action(&KeyChord::ch('q')), None);
    let with_source = Config {
        source: Some(PathBuf::from("/cfg/config.toml")),
        ..config
    };
    let paths = with_source.library_paths();
    assert!(!paths[0].starts_with("~"));
    assert_eq!(paths[1], PathBuf::from("/cfg/rel"));
}

#[test]
fn syntax_error_names_line_and_column() {
    let (line, column, message) = error_at("mouse = true\n[theme\nspeakers = \"red\"\n");
    assert_eq!((line, column), (2, 7));
    assert!(message.contains("expected"), "{message}");
}

#[test]
fn unknown_key_is_rejected_with_the_expected_names() {
    let (line, column, message) = error_at("mouse = true\ncolour = \"red\"\n");
    assert_eq!((line, column), (2, 1));
    assert!(
        message.contains("unknown field `colour`") && message.contains("`mouse`"),
        "{message}"
    );
    let (line, _, message) = error_at("[theme]\nspeaker = \"red\"\n");
    assert_eq!(line, 2);
    assert!(message.contains("unknown field `speaker`"), "{message}");
}

#[test]
fn bad_colour_is_rejected() {
    let (line, column, message) = error_at("[theme]\nnumbers = \"purplish\"\n");
    assert_eq!((line, column), (2, 11));
    assert!(
        message.contains("invalid colour `purplish`") && message.contains("#rrggbb"),
        "{message}"
    );
    let (line, _, message) = error_at("[theme]\nclaims = []\n");
    assert_eq!(line, 2);
    assert!(message.contains("at least one colour"), "{message}");
}

#[test]
fn bad_key_name_or_action_is_rejected() {
    let (line, _, message) = error_at("[keys]\n\"ctrl-foo\" = \"quit\"\n");
    assert_eq!(line, 2);
    assert!(message.contains("unknown key name `ctrl-foo`"), "{message}");
    let (line, column, message) = error_at("[keys]\n\"x\" = \"explode\"\n");
    assert_eq!((line, column), (2, 7));
    assert!(
        message.contains("unknown action `explode`") && message.contains("next_claim"),
        "{message}"
    );
}

#[test]
fn wrong_type_is_rejected() {
    let (line, _, message) = error_at("mouse = \"yes\"\n");
    assert_eq!(line, 1);
    assert!(message.contains("bool"), "{message}");
}

#[test]
fn error_message_names_the_file() {
    let err = parse("oops").unwrap_err().to_string();
    assert!(err.starts_with("/cfg/config.toml:1:"), "{err}");
}

#[test]
fn lookup_order() {
    let dir = std::env::temp_dir().join(format!("sayso-config-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let explicit = dir.join("a.toml");
    let env = dir.join("b.toml");
    let platform = dir.join("c.toml");
    std::fs::write(&explicit, "mouse = false").unwrap();
    std::fs::write(&env, "[layers]\nclaims = false").unwrap();
    std::fs::write(&platform, "[layers]\nnumbers = false").unwrap();

    let c = Config::load_from(
        Some(&explicit),
        Some(env.clone().into()),
        Some(platform.clone()),
    )
    .unwrap();
    assert_eq!(c.source.as_deref(), Some(explicit.as_path()));
    let c = Config::load_from(None, Some(env.clone().into()), Some(platform.clone())).unwrap();
    assert_eq!(c.source.as_deref(), Some(env.as_path()));
    let c = Config::load_from(None, None, Some(platform.clone())).unwrap();
    assert!(!c.layers.numbers);
    // A missing platform file means defaults; a missing explicit or env file is an error.
    let missing = dir.join("missing.toml");
    assert_eq!(
        Config::load_from(None, None, Some(missing.clone())).unwrap(),
        Config::default()
    );
    assert!(matches!(
        Config::load_from(Some(&missing), None, None),
        Err(ConfigError::Read { .. })
    ));
    assert!(matches!(
        Config::load_from(None, Some(missing.into()), None),
        Err(ConfigError::Read { .. })
    ));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn storage_options_apply_and_resolve() {
    let config =
        parse("storage = \"sidecar\"\ndata_dir = \"data\"\nexport_dir = \"/tmp/out\"\n").unwrap();
    assert_eq!(config.storage, StorageMode::Sidecar);
    let config = Config {
        source: Some(PathBuf::from("/cfg/config.toml")),
        ..config
    };
    assert_eq!(config.data_dir_path(), Some(PathBuf::from("/cfg/data")));
    assert_eq!(config.export_dir_path(), Some(PathBuf::from("/tmp/out")));
    assert_eq!(parse("").unwrap().data_dir_path(), None);
    assert_eq!(
        parse("storage = \"data-dir\"").unwrap().storage,
        StorageMode::DataDir
    );
}

#[test]
fn bad_storage_options_are_rejected() {
    let (line, column, message) = error_at("mouse = true\nstorage = \"cloud\"\n");
    assert_eq!((line, column), (2, 11));
    assert!(
        message.contains("unknown storage `cloud`") && message.contains("sidecar"),
        "{message}"
    );
    let (line, _, message) = error_at("data_dir = \"\"\n");
    assert_eq!(line, 1);
    assert!(message.contains("expected a directory path"), "{message}");
    let (_, _, message) = error_at("export_dir = 3\n");
    assert!(message.contains("string"), "{message}");
}
