//! Work over a long list (a document's blocks) split into consecutive parts, one per core,
//! with the parts' results handed back in order.

use std::sync::OnceLock;

/// At most this many threads, however many cores there are.
const MAX_THREADS: usize = 8;

/// How many threads the machine runs at once. Asked once: the answer reads the control
/// groups' files each time.
pub fn cores() -> usize {
    static CORES: OnceLock<usize> = OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// Runs `a` and `b`, on two cores when `worth_it` (a thread costs about a tenth of a
/// millisecond to start), one after the other otherwise. A panic in either is raised here.
pub fn both<A: Send, B>(
    worth_it: bool,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B,
) -> (A, B) {
    if !worth_it || cores() < 2 {
        return (a(), b());
    }
    std::thread::scope(|scope| {
        let first = scope.spawn(a);
        let second = b();
        let first = first
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (first, second)
    })
}

/// Runs `work` on consecutive parts of `items` and returns the parts' results in order.
/// `work` gets the position of its part's first item. The parts run on every core when each
/// would get at least `per_thread` items; otherwise `items` is one part, on this thread. A
/// panic in a part is raised again here.
pub fn in_parts<T: Sync, R: Send>(
    items: &[T],
    per_thread: usize,
    work: impl Fn(usize, &[T]) -> R + Sync,
) -> Vec<R> {
    let threads = cores()
        .min(MAX_THREADS)
        .min(items.len() / per_thread.max(1));
    if threads < 2 {
        return vec![work(0, items)];
    }
    let chunk = items.len().div_ceil(threads);
    let work = &work;
    std::thread::scope(|scope| {
        let parts: Vec<_> = items
            .chunks(chunk)
            .enumerate()
            .map(|(n, part)| scope.spawn(move || work(n * chunk, part)))
            .collect();
        parts
            .into_iter()
            .map(|p| p.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_cover_every_item_once_in_order() {
        let items: Vec<usize> = (0..10_007).collect();
        for per_thread in [1, 100, 5_000, 20_000] {
            let parts = in_parts(&items, per_thread, |first, part| {
                assert_eq!(part[0], first);
                part.to_vec()
            });
            assert_eq!(parts.concat(), items, "per_thread {per_thread}");
        }
        let empty: Vec<Vec<u8>> = in_parts(&[], 1, |_, part: &[u8]| part.to_vec());
        assert_eq!(empty, vec![Vec::<u8>::new()]);
    }
}
