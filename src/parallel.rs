//! An ordered parallel map with bounded memory: `jobs` threads work on the items in turn,
//! and the results reach the sink in input order. A worker never runs more than `window`
//! items ahead of the sink, so at most `window` results wait in memory whatever the input
//! size; `jobs == 1` runs on the calling thread, in order, with no threads at all.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

/// Maps `work` over `items` on `jobs` threads and feeds each result to `sink` in input
/// order. Stops at the first error from `sink` (the workers finish the item at hand and
/// quit) and returns it.
pub fn ordered_map<I, O, E>(
    items: &[I],
    jobs: usize,
    work: impl Fn(&I) -> O + Sync,
    mut sink: impl FnMut(O) -> Result<(), E>,
) -> Result<(), E>
where
    I: Sync,
    O: Send,
{
    if jobs <= 1 || items.len() <= 1 {
        return items.iter().try_for_each(|item| sink(work(item)));
    }
    let window = jobs * 4;
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // How many results the sink has taken; workers wait while they are `window` ahead.
    let written = Mutex::new(0usize);
    let moved = Condvar::new();
    let (tx, rx) = mpsc::sync_channel::<(usize, O)>(window);
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let tx = tx.clone();
            let (next, stop, written, moved, work) = (&next, &stop, &written, &moved, &work);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    {
                        let mut w = written.lock().unwrap_or_else(|e| e.into_inner());
                        while i >= *w + window && !stop.load(Ordering::Relaxed) {
                            w = moved.wait(w).unwrap_or_else(|e| e.into_inner());
                        }
                    }
                    if stop.load(Ordering::Relaxed) || tx.send((i, work(item))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut pending = BTreeMap::new();
        let mut expected = 0;
        let result = (|| {
            for (i, out) in &rx {
                pending.insert(i, out);
                while let Some(out) = pending.remove(&expected) {
                    sink(out)?;
                    expected += 1;
                    *written.lock().unwrap_or_else(|e| e.into_inner()) = expected;
                    moved.notify_all();
                }
            }
            Ok(())
        })();
        if result.is_err() {
            stop.store(true, Ordering::Relaxed);
            moved.notify_all();
        }
        drop(rx);
        result
    })
}

/// The number of threads to use when the user does not say: every core.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    #[test]
    fn results_arrive_in_input_order_for_any_job_count() {
        let items: Vec<u64> = (0..500).collect();
        for jobs in [1, 2, 3, 8] {
            let mut seen = Vec::new();
            let r: Result<(), ()> = ordered_map(
                &items,
                jobs,
                |&x| {
                    // Uneven work, so later items often finish first.
                    if x % 7 == 0 {
                        std::thread::sleep(std::time::Duration::from_micros(200));
                    }
                    x * 2
                },
                |y| {
                    seen.push(y);
                    Ok(())
                },
            );
            assert_eq!(r, Ok(()));
            assert_eq!(
                seen,
                items.iter().map(|x| x * 2).collect::<Vec<_>>(),
                "{jobs}"
            );
        }
    }

    #[test]
    fn workers_stay_within_the_window_of_the_sink() {
        let items: Vec<usize> = (0..200).collect();
        let started = AtomicUsize::new(0);
        let mut taken = 0;
        let r: Result<(), ()> = ordered_map(
            &items,
            2,
            |&i| {
                started.fetch_add(1, Ordering::SeqCst);
                i
            },
            |i| {
                // Nothing is started more than the window (8) past what the sink took.
                assert!(started.load(Ordering::SeqCst) <= taken + 8 + 2, "{i}");
                taken += 1;
                std::thread::sleep(std::time::Duration::from_micros(100));
                Ok(())
            },
        );
        assert_eq!(r, Ok(()));
        assert_eq!(taken, 200);
    }

    #[test]
    fn a_sink_error_stops_the_run_and_is_returned() {
        let items: Vec<usize> = (0..10_000).collect();
        let done = AtomicUsize::new(0);
        let r = ordered_map(
            &items,
            2,
            |&i| {
                done.fetch_add(1, Ordering::SeqCst);
                i
            },
            |i| if i == 50 { Err("broken pipe") } else { Ok(()) },
        );
        assert_eq!(r, Err("broken pipe"));
        assert!(done.load(Ordering::SeqCst) < 200, "the workers went on");
    }
}
