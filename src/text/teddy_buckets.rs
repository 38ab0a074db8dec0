//! The order in which [`super::words::Words`] gives its words to Teddy, so that each of
//! Teddy's buckets holds words that begin alike.
//!
//! Teddy tests every position of the text against each bucket: the low and high nybbles of
//! the next few bytes (up to 4, the shortest word's length) must be among its words' nybbles
//! at those offsets, and every bucket that passes is then verified word by word. A bucket of
//! words that begin unlike one another (`akia`, `pire=`, `sign`, `ystr`) accepts so many
//! nybble combinations that it passes nearly everywhere: with the prefilter's 70 words in the
//! order the lints list them, Teddy spent 28% of a scan's CPU on the synthetic benchmark
//! tree; ordered here, under a third of that, with the same matches.
//!
//! aho-corasick 1.1 puts a word in the bucket of the first word before it (longest first,
//! then by place in the list) whose first bytes have the same low nybbles, and otherwise in
//! bucket `B - 1 - (place mod B)`, where `B` is 16 (fat Teddy, for more than 32 words) or 8.
//! So the place of each group's first word chooses the group's bucket. Each group in turn goes
//! to the bucket where it least raises the chance that the bucket passes at a position of
//! printable ASCII text. (Moves and swaps after that gained nothing measurable on the
//! benchmark trees, at 30 times the cost; this takes well under a millisecond.) Only speed
//! depends on the order: an aho-corasick release that buckets otherwise finds the same
//! matches.

use std::cmp::Reverse;

/// Nybble sets of one group or bucket at each offset: bit `n` of `lo[j]` is set when some
/// word has low nybble `n` at offset `j`.
#[derive(Clone, Copy, Default)]
struct Nybbles {
    lo: [u16; 4],
    hi: [u16; 4],
}

impl Nybbles {
    fn of(word: &[u8], len: usize) -> Nybbles {
        let mut n = Nybbles::default();
        for (j, &b) in word.iter().take(len).enumerate() {
            n.lo[j] |= 1 << (b & 15);
            n.hi[j] |= 1 << (b >> 4);
        }
        n
    }

    fn union(self, other: Nybbles) -> Nybbles {
        let mut n = self;
        for j in 0..4 {
            n.lo[j] |= other.lo[j];
            n.hi[j] |= other.hi[j];
        }
        n
    }

    /// The chance that a position of printable ASCII text (uniformly drawn) passes.
    fn pass_rate(&self, len: usize) -> f64 {
        (0..len)
            .map(|j| {
                let accepted: u32 = (0..8)
                    .filter(|&h| self.hi[j] >> h & 1 == 1)
                    .map(|h| (self.lo[j] & PRINTABLE_LOW_NYBBLES[h]).count_ones())
                    .sum();
                f64::from(accepted) / 95.0
            })
            .product()
    }
}

/// For each high nybble, the low nybbles of the printable ASCII bytes (` ` to `~`) that have
/// it.
const PRINTABLE_LOW_NYBBLES: [u16; 8] = [0, 0, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0x7fff];

/// A permutation of `0..words.len()`: the place in Teddy's list of each word, by its index in
/// `words` (`order[place] = index`).
pub fn order(words: &[String]) -> Vec<usize> {
    let n = words.len();
    let len = words.iter().map(String::len).min().unwrap_or(0).min(4);
    if len == 0 || n <= 1 {
        return (0..n).collect();
    }
    let buckets = if n > 32 { 16 } else { 8 };
    // Words whose first `len` bytes share low nybbles share a bucket whatever the order.
    let mut groups: Vec<(Vec<u8>, Vec<usize>, Nybbles)> = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let bytes = &word.as_bytes()[..len];
        let key: Vec<u8> = bytes.iter().map(|b| b & 15).collect();
        let nybbles = Nybbles::of(bytes, len);
        match groups.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, members, n)) => {
                members.push(i);
                *n = n.union(nybbles);
            }
            None => groups.push((key, vec![i], nybbles)),
        }
    }
    let bucket_of_place = |place: usize| buckets - 1 - place % buckets;
    let capacity: Vec<usize> = (0..buckets)
        .map(|b| (0..n).filter(|&p| bucket_of_place(p) == b).count())
        .collect();
    let rate = |members: &[usize]| -> f64 {
        if members.is_empty() {
            return 0.0;
        }
        members
            .iter()
            .fold(Nybbles::default(), |acc, &g| acc.union(groups[g].2))
            .pass_rate(len)
    };

    // Greedy: each group where it adds least.
    let mut assigned: Vec<Vec<usize>> = vec![Vec::new(); buckets];
    for g in 0..groups.len() {
        let best = (0..buckets)
            .filter(|&b| assigned[b].len() < capacity[b])
            .map(|b| {
                let mut with = assigned[b].clone();
                with.push(g);
                (rate(&with) - rate(&assigned[b]), b)
            })
            .min_by(|x, y| x.0.total_cmp(&y.0));
        if let Some((_, b)) = best {
            assigned[b].push(g);
        }
    }

    // Each group's first word (the longest) at a place of its bucket; the others anywhere
    // after any word of theirs that is as long, so that they never come first.
    let mut places: Vec<Option<usize>> = vec![None; n];
    let mut first_place = vec![0; groups.len()];
    let mut rest: Vec<(usize, usize)> = Vec::new();
    for (b, members) in assigned.iter().enumerate() {
        let mut free = (0..n).filter(|&p| bucket_of_place(p) == b);
        for &g in members {
            let group = &groups[g].1;
            let Some(&first) = group.iter().max_by_key(|&&i| (words[i].len(), Reverse(i))) else {
                continue;
            };
            let Some(place) = free.next() else {
                return (0..n).collect();
            };
            places[place] = Some(first);
            first_place[g] = place;
            rest.extend(group.iter().filter(|&&i| i != first).map(|&i| (g, i)));
        }
    }
    for place in 0..n {
        if places[place].is_some() {
            continue;
        }
        let fits = |&(g, i): &(usize, usize)| {
            let first = places[first_place[g]].unwrap_or(i);
            words[i].len() < words[first].len() || first_place[g] < place
        };
        let pick = rest
            .iter()
            .position(fits)
            .or((!rest.is_empty()).then_some(0));
        match pick {
            Some(k) => places[place] = Some(rest.remove(k).1),
            None => return (0..n).collect(),
        }
    }
    places.into_iter().map(|p| p.unwrap_or(0)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(list: &[&str]) -> Vec<String> {
        list.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn the_order_is_a_permutation() {
        for list in [
            words(&[]),
            words(&["a"]),
            words(&["get", "put", "go"]),
            words(
                &(0..70)
                    .map(|i| format!("word{i}x"))
                    .collect::<Vec<_>>()
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>(),
            ),
            words(&[
                "presign",
                "presigned",
                "presigner",
                "sign",
                "signature",
                "akia",
            ]),
        ] {
            let mut order = order(&list);
            order.sort_unstable();
            assert_eq!(order, (0..list.len()).collect::<Vec<_>>(), "{list:?}");
        }
    }

    /// Words that begin alike share buckets: 40 words of two beginnings (`sig…`, then
    /// `aki…`) come out with no bucket holding both, where the list's own order mixed them.
    #[test]
    fn like_beginnings_share_a_bucket() {
        let list: Vec<String> = ["sig", "aki"]
            .iter()
            .flat_map(|start| (b'a'..b'u').map(move |c| format!("{start}{}", c as char)))
            .collect();
        let order = order(&list);
        // A group (same low nybbles of its 4 bytes) goes where its first word is placed.
        let mut first: std::collections::BTreeMap<Vec<u8>, usize> = Default::default();
        for (place, &i) in order.iter().enumerate() {
            let key: Vec<u8> = list[i].bytes().map(|b| b & 15).collect();
            first.entry(key).or_insert(place);
        }
        let mut families: Vec<std::collections::BTreeSet<u8>> = vec![Default::default(); 16];
        for (place, &i) in order.iter().enumerate() {
            let key: Vec<u8> = list[i].bytes().map(|b| b & 15).collect();
            if first[&key] == place {
                families[15 - place % 16].insert(list[i].as_bytes()[0]);
            }
        }
        assert!(families.iter().all(|f| f.len() <= 1), "{families:?}");
        // In the list's own order, some buckets held both.
        let mixed = (0..16)
            .filter(|b| {
                let at: std::collections::BTreeSet<u8> = (0..list.len())
                    .filter(|p| 15 - p % 16 == *b)
                    .map(|p| list[p].as_bytes()[0])
                    .collect();
                at.len() > 1
            })
            .count();
        assert!(mixed > 0, "{mixed}");
    }
}
