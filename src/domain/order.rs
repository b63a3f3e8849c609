//! One sort for the whole app. Each `sort_by_key` closure and each element type made the
//! standard library compile its stable sort again (103 KB of the wasm for 30 call
//! sites); this merge sort over positions is compiled once, and only the swaps that put
//! the items in place are generic. Stable, like `slice::sort_by`.

use core::cmp::Ordering;

/// The positions `0..n` in stable order under `cmp` (a bottom-up merge sort).
fn stable_order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    // Most lists come in order already (records are stored as they happen): one pass.
    if (1..n).all(|i| cmp(i, i - 1) != Ordering::Less) {
        return from;
    }
    let mut to = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut l, mut r, mut k) = (start, mid, start);
            while l < mid && r < end {
                // Only a strictly smaller right item goes first: equal ones keep their order.
                if cmp(from[r], from[l]) == Ordering::Less {
                    to[k] = from[r];
                    r += 1;
                } else {
                    to[k] = from[l];
                    l += 1;
                }
                k += 1;
            }
            let rest_left = mid - l;
            to[k..k + rest_left].copy_from_slice(&from[l..mid]);
            to[k + rest_left..end].copy_from_slice(&from[r..end]);
            start = end;
        }
        core::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

/// Moves the item first at `order[k]` to position `k`, by swaps.
fn arrange<T>(items: &mut [T], order: &[usize]) {
    let n = order.len();
    // `holds[p]`: which original item is now at p; `place[o]`: where original o is now.
    let mut holds: Vec<usize> = (0..n).collect();
    let mut place: Vec<usize> = (0..n).collect();
    for (k, &o) in order.iter().enumerate() {
        let p = place[o];
        if p != k {
            items.swap(k, p);
            let moved = holds[k];
            holds[p] = moved;
            place[moved] = p;
            holds[k] = o;
            place[o] = k;
        }
    }
}

/// Sorts `items` stably by `cmp`.
pub fn sort_by<T>(items: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = stable_order(items.len(), &mut |i, j| cmp(&items[i], &items[j]));
    if order.iter().enumerate().any(|(k, o)| k != *o) {
        arrange(items, &order);
    }
}

/// Sorts `items` stably by the key `key` gives each.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Same result as the standard library's stable sort, equal keys in their order.
        #[test]
        fn sorts_like_the_standard_stable_sort(v in proptest::collection::vec((0u8..8, 0u16..1000), 0..200)) {
            let mut ours = v.clone();
            sort_by_key(&mut ours, |x| x.0);
            let mut std_sorted = v.clone();
            std_sorted.sort_by_key(|x| x.0);
            proptest::prop_assert_eq!(ours, std_sorted);
            let mut all = v.clone();
            sort(&mut all);
            let mut std_all = v;
            std_all.sort();
            proptest::prop_assert_eq!(all, std_all);
        }
    }

    #[test]
    fn short_and_reversed_inputs() {
        let mut none: Vec<u8> = vec![];
        sort(&mut none);
        assert!(none.is_empty());
        let mut one = vec![3];
        sort(&mut one);
        assert_eq!(one, [3]);
        let mut down: Vec<u32> = (0..1000).rev().collect();
        sort(&mut down);
        assert!(down.windows(2).all(|w| w[0] < w[1]));
        let mut words = vec!["pear".to_string(), "fig".into(), "apple".into()];
        sort_by(&mut words, |a, b| b.cmp(a));
        assert_eq!(words, ["pear", "fig", "apple"]);
    }
}
