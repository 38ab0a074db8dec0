//! Which commits and blobs a history scan reads, and where each blob came from.
//!
//! Commits reachable from the tips and not from the hidden revisions are put in attribution
//! order: by committer time, ties (and only ties) broken topologically, parents first. Each
//! commit's tree is then walked in that order, so the first commit to show a blob is the
//! earliest that introduced it. A (tree, path) pair already walked is not walked again: an
//! unchanged directory costs nothing in the next commit, and a directory renamed is walked
//! once under its new name (its blobs gain a path). Nothing here reads a blob's content.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

use gix::ObjectId;
use gix::bstr::{BStr, BString, ByteSlice, ByteVec};

use super::reader::Reader;

/// One commit of the walk.
pub struct Commit {
    pub id: ObjectId,
    pub tree: ObjectId,
    /// Author date: seconds since the epoch and the author's UTC offset in seconds.
    pub author_seconds: i64,
    pub author_offset: i32,
    committer_seconds: i64,
}

/// A distinct blob, with the commit and path of its first appearance.
pub struct Blob {
    pub id: ObjectId,
    /// Index into [`Walk::commits`].
    pub commit: usize,
    pub path: BString,
    /// Commits that added the blob at a path it was not at before (in walk order).
    pub commits: usize,
    /// Distinct paths the blob was found at.
    pub paths: usize,
    /// The first few other paths (for the human report).
    pub other_paths: Vec<BString>,
    last_commit: usize,
}

/// Other paths kept per blob: enough for a person to see where copies went.
const OTHER_PATHS_KEPT: usize = 5;

/// An object the walk needed and could not use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub id: ObjectId,
    /// `commit`, `tree` or `blob`.
    pub kind: &'static str,
    /// Where it was needed: a path in a tree (`src/`), or the commit that named it.
    pub at: String,
    /// `None`: absent from the object database (a partial clone, a broken copy). `Some`: it is
    /// there and cannot be read (the reason).
    pub corrupt: Option<String>,
}

#[derive(Default)]
pub struct Walk {
    /// In attribution order.
    pub commits: Vec<Commit>,
    /// In order of first appearance.
    pub blobs: Vec<Blob>,
    /// A shallow clone: commits before the boundary are not in the repository.
    pub truncated: bool,
    pub unreadable: Vec<Unreadable>,
    /// Gitlinks (submodule commits) passed over: their content is another repository's.
    pub submodules: usize,
}

/// Where the walk starts and stops; `excluded(path, is_dir)` leaves out paths (`exclude`).
pub struct WalkInput<'a> {
    pub tips: Vec<ObjectId>,
    pub hidden: Vec<ObjectId>,
    pub shallow: HashSet<ObjectId>,
    pub excluded: &'a dyn Fn(&BStr, bool) -> bool,
}

pub fn walk(repo: &gix::Repository, input: &WalkInput<'_>) -> Walk {
    let mut walk = Walk::default();
    let hidden = reachable(repo, &input.hidden, input, &mut walk);
    let mut graph = reachable_graph(repo, input, &hidden, &mut walk);
    let order = topological(&graph.parents);
    let mut indices: Vec<usize> = (0..graph.commits.len()).collect();
    indices.sort_by_key(|&i| (graph.commits[i].committer_seconds, order[i]));

    let mut trees = Trees {
        reader: Reader::new(repo),
        excluded: input.excluded,
        seen_trees: HashSet::new(),
        seen_blob_paths: HashSet::new(),
        old_blobs: HashSet::new(),
        index: HashMap::new(),
        walk: &mut walk,
    };
    // What the hidden side already holds is not new: the trees of the hidden commits the new
    // ones build on (and of the hidden tips) are walked first, their blobs marked old.
    for boundary in graph.boundary.iter().chain(&input.hidden) {
        if let Some((commit, _)) = read_commit(repo, *boundary, "", trees.walk) {
            trees.walk_tree(commit.tree, None);
        }
    }
    let mut commits = std::mem::take(&mut graph.commits);
    let mut ordered: Vec<Option<Commit>> = commits.drain(..).map(Some).collect();
    for (position, &i) in indices.iter().enumerate() {
        if let Some(commit) = ordered[i].take() {
            trees.walk_tree(commit.tree, Some(position));
            trees.walk.commits.push(commit);
        }
    }
    walk
}

/// Commit ids reachable from `from` (the hidden side), stopping at shallow boundaries.
fn reachable(
    repo: &gix::Repository,
    from: &[ObjectId],
    input: &WalkInput<'_>,
    walk: &mut Walk,
) -> HashSet<ObjectId> {
    let mut seen: HashSet<ObjectId> = HashSet::new();
    let mut queue: Vec<ObjectId> = from.to_vec();
    while let Some(id) = queue.pop() {
        if !seen.insert(id) {
            continue;
        }
        let Some(commit) = read_commit(repo, id, "", walk) else {
            continue;
        };
        if input.shallow.contains(&id) {
            walk.truncated = true;
            continue;
        }
        queue.extend(commit.1);
    }
    seen
}

struct Graph {
    commits: Vec<Commit>,
    /// Parent indices of each commit, within the walk.
    parents: Vec<Vec<usize>>,
    /// Hidden commits that a walked commit has for parent.
    boundary: Vec<ObjectId>,
}

fn reachable_graph(
    repo: &gix::Repository,
    input: &WalkInput<'_>,
    hidden: &HashSet<ObjectId>,
    walk: &mut Walk,
) -> Graph {
    let mut graph = Graph {
        commits: Vec::new(),
        parents: Vec::new(),
        boundary: Vec::new(),
    };
    let mut index: HashMap<ObjectId, usize> = HashMap::new();
    let mut parent_ids: Vec<Vec<ObjectId>> = Vec::new();
    let mut queue: Vec<ObjectId> = input.tips.clone();
    let mut boundary: HashSet<ObjectId> = HashSet::new();
    while let Some(id) = queue.pop() {
        if index.contains_key(&id) {
            continue;
        }
        if hidden.contains(&id) {
            if boundary.insert(id) {
                graph.boundary.push(id);
            }
            continue;
        }
        let Some((commit, parents)) = read_commit(repo, id, "", walk) else {
            continue;
        };
        let parents = if input.shallow.contains(&id) {
            // The boundary of a shallow clone: its parents were never fetched.
            walk.truncated |= !parents.is_empty();
            Vec::new()
        } else {
            parents
        };
        index.insert(id, graph.commits.len());
        graph.commits.push(commit);
        queue.extend(parents.iter().rev().copied());
        parent_ids.push(parents);
    }
    graph.parents = parent_ids
        .iter()
        .map(|ps| ps.iter().filter_map(|p| index.get(p).copied()).collect())
        .collect();
    graph
}

/// A post-order number per commit (parents before children), found without recursion: a
/// history of a million commits in a line must not overflow the stack.
fn topological(parents: &[Vec<usize>]) -> Vec<usize> {
    let n = parents.len();
    let mut order = vec![0; n];
    let mut state = vec![0u8; n];
    let mut next = 0;
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for root in 0..n {
        if state[root] != 0 {
            continue;
        }
        state[root] = 1;
        stack.push((root, 0));
        while let Some((node, i)) = stack.last_mut() {
            let node = *node;
            if let Some(&parent) = parents[node].get(*i) {
                *i += 1;
                if state[parent] == 0 {
                    state[parent] = 1;
                    stack.push((parent, 0));
                }
            } else {
                order[node] = next;
                next += 1;
                state[node] = 2;
                stack.pop();
            }
        }
    }
    order
}

/// Reads a commit: its record and its parents. A missing or unreadable one is recorded in
/// `walk` and skipped.
fn read_commit(
    repo: &gix::Repository,
    id: ObjectId,
    at: &str,
    walk: &mut Walk,
) -> Option<(Commit, Vec<ObjectId>)> {
    let data = match repo.try_find_object(id) {
        Ok(Some(object)) if object.kind == gix::objs::Kind::Commit => object.detach().data,
        Ok(Some(object)) => {
            walk.unreadable.push(Unreadable {
                id,
                kind: "commit",
                at: at.to_string(),
                corrupt: Some(format!("a {} where a commit was expected", object.kind)),
            });
            return None;
        }
        Ok(None) => {
            walk.unreadable.push(Unreadable {
                id,
                kind: "commit",
                at: at.to_string(),
                corrupt: None,
            });
            return None;
        }
        Err(e) => {
            walk.unreadable.push(Unreadable {
                id,
                kind: "commit",
                at: at.to_string(),
                corrupt: Some(e.to_string()),
            });
            return None;
        }
    };
    let decoded = match gix::objs::CommitRef::from_bytes(&data, repo.object_hash()) {
        Ok(decoded) => decoded,
        Err(e) => {
            walk.unreadable.push(Unreadable {
                id,
                kind: "commit",
                at: at.to_string(),
                corrupt: Some(e.to_string()),
            });
            return None;
        }
    };
    let author = decoded.author().ok().and_then(|a| a.time().ok());
    let committer = decoded.committer().ok().and_then(|c| c.time().ok());
    Some((
        Commit {
            id,
            tree: decoded.tree(),
            author_seconds: author.map_or(0, |t| t.seconds),
            author_offset: author.map_or(0, |t| t.offset),
            committer_seconds: committer.or(author).map_or(0, |t| t.seconds),
        },
        decoded.parents().collect(),
    ))
}

struct Trees<'a, 'w> {
    /// Trees are read through a handle of their own, opened again as it reads (see
    /// [`Reader`]): a history's trees fill much of its packs.
    reader: Reader,
    excluded: &'a dyn Fn(&BStr, bool) -> bool,
    /// (tree, path) pairs walked, hashed: 8 bytes each keeps a 10,000-commit history small.
    /// A 64-bit collision (odds near 1e-8 at a million pairs) would skip one directory.
    seen_trees: HashSet<u64>,
    seen_blob_paths: HashSet<u64>,
    /// Blobs of the hidden side (`--since`): not new, never scanned.
    old_blobs: HashSet<ObjectId>,
    index: HashMap<ObjectId, usize>,
    walk: &'w mut Walk,
}

fn key(id: &gix::oid, path: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    id.as_bytes().hash(&mut hasher);
    path.hash(&mut hasher);
    hasher.finish()
}

impl Trees<'_, '_> {
    /// Walks a commit's tree; `commit` is the commit's position in attribution order, `None`
    /// for a tree of the hidden side.
    fn walk_tree(&mut self, root: ObjectId, commit: Option<usize>) {
        // Iterative: a hostile repository may nest trees thousands deep.
        let mut stack: Vec<(ObjectId, BString)> = vec![(root, BString::default())];
        while let Some((tree, prefix)) = stack.pop() {
            if !self.seen_trees.insert(key(&tree, &prefix)) {
                continue;
            }
            let Some(data) = self.read_tree(tree, prefix.as_bstr()) else {
                continue;
            };
            for entry in gix::objs::TreeRefIter::from_bytes(&data, self.reader.repo().object_hash())
            {
                let entry = match entry {
                    Ok(entry) => entry,
                    Err(e) => {
                        self.walk.unreadable.push(Unreadable {
                            id: tree,
                            kind: "tree",
                            at: shown_dir(prefix.as_bstr()),
                            corrupt: Some(e.to_string()),
                        });
                        break;
                    }
                };
                let mut path = prefix.clone();
                if !path.is_empty() {
                    path.push(b'/');
                }
                path.push_str(entry.filename);
                let id = entry.oid.to_owned();
                if entry.mode.is_tree() {
                    if !(self.excluded)(path.as_bstr(), true) {
                        stack.push((id, path));
                    }
                } else if entry.mode.is_commit() {
                    self.walk.submodules += usize::from(commit.is_some());
                } else if !(self.excluded)(path.as_bstr(), false) {
                    self.blob(id, path, commit);
                }
            }
        }
    }

    fn read_tree(&mut self, id: ObjectId, prefix: &BStr) -> Option<Vec<u8>> {
        let found = match self.reader.repo().try_find_object(id) {
            Ok(Some(object)) if object.kind == gix::objs::Kind::Tree => Ok(object.detach().data),
            Ok(Some(object)) => Err(Some(format!("a {} where a tree was expected", object.kind))),
            Ok(None) => Err(None),
            Err(e) => Err(Some(e.to_string())),
        };
        let problem = match found {
            Ok(data) => {
                self.reader.read(data.len() as u64);
                return Some(data);
            }
            Err(problem) => problem,
        };
        self.walk.unreadable.push(Unreadable {
            id,
            kind: "tree",
            at: shown_dir(prefix),
            corrupt: problem,
        });
        None
    }

    fn blob(&mut self, id: ObjectId, path: BString, commit: Option<usize>) {
        if !self.seen_blob_paths.insert(key(&id, &path)) {
            return;
        }
        let Some(commit) = commit else {
            self.old_blobs.insert(id);
            return;
        };
        if self.old_blobs.contains(&id) {
            return;
        }
        match self.index.get(&id) {
            None => {
                self.index.insert(id, self.walk.blobs.len());
                self.walk.blobs.push(Blob {
                    id,
                    commit,
                    path,
                    commits: 1,
                    paths: 1,
                    other_paths: Vec::new(),
                    last_commit: commit,
                });
            }
            Some(&i) => {
                let blob = &mut self.walk.blobs[i];
                blob.paths += 1;
                if blob.last_commit != commit {
                    blob.commits += 1;
                    blob.last_commit = commit;
                }
                if blob.other_paths.len() < OTHER_PATHS_KEPT && blob.path != path {
                    blob.other_paths.push(path);
                }
            }
        }
    }
}

fn shown_dir(prefix: &BStr) -> String {
    if prefix.is_empty() {
        "/".to_string()
    } else {
        format!("{}/", prefix.to_str_lossy())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parents_come_before_children() {
        // 0 has parents 1 and 2; 2 has parent 1.
        let order = topological(&[vec![1, 2], vec![], vec![1]]);
        assert!(order[1] < order[2] && order[2] < order[0]);
    }

    #[test]
    fn a_long_line_of_commits_does_not_recurse() {
        let parents: Vec<Vec<usize>> = (0..200_000)
            .map(|i| if i + 1 < 200_000 { vec![i + 1] } else { vec![] })
            .collect();
        let order = topological(&parents);
        assert_eq!(order[199_999], 0);
        assert_eq!(order[0], 199_999);
    }
}
