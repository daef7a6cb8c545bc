//! The search indexer and the threads tantivy's writer starts run below the interface
//! (Linux keeps a nice value per thread). A test binary of its own: other tests' index
//! writers, started at normal priority, would share the process.

#[cfg(target_os = "linux")]
#[test]
fn the_index_writers_threads_run_at_the_indexers_priority() {
    use sayso::tui::library_search::LibrarySearch;
    let search = LibrarySearch::start(None, "test");
    let nice_of = |task: &std::path::Path| -> Option<i64> {
        let stat = std::fs::read_to_string(task.join("stat")).ok()?;
        // Fields after the parenthesised name: state is field 3, nice field 19.
        let rest = stat.rsplit_once(')')?.1;
        rest.split_whitespace().nth(16)?.parse().ok()
    };
    // A new thread takes its name once it runs: look again for a while.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let mut writers = Vec::new();
    while writers.is_empty() && std::time::Instant::now() < deadline {
        for task in std::fs::read_dir("/proc/self/task").unwrap().flatten() {
            let comm = std::fs::read_to_string(task.path().join("comm")).unwrap_or_default();
            if comm.starts_with("thrd-tantivy") {
                writers.push((comm.trim().to_string(), nice_of(&task.path())));
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(!writers.is_empty(), "tantivy's indexing thread is running");
    for (name, nice) in &writers {
        assert!(
            nice.is_some_and(|n| n >= 15),
            "{name} runs at nice {nice:?}"
        );
    }
    drop(search);
}
