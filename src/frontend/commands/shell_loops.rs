//! Shell loops (`for`/`while`/`until` … `do` … `done`) read from a script's text, for the
//! commands in them: `aws s3 presign` in a loop is `presign-in-loop`'s. Read only in shell
//! scripts (by extension or shebang).

use crate::facts::Span;

/// The innermost shell loop (`for`/`while`/`until` … `do` … `done`) open at `offset`: its
/// keyword and span. Words count only in command position (after a newline, `;`, `&`, `|`
/// or `(`), and comments are skipped, so prose and strings do not open loops.
#[cfg(test)]
fn shell_loop(text: &str, offset: usize) -> Option<(&'static str, Span)> {
    ShellLoops::default().at(text, offset)
}

/// The shell loops open at a series of offsets, read in one pass when the offsets come in
/// order (each query goes on from where the last one stopped): a script of 20,000
/// `aws s3 presign` commands costs O(script), not O(script) per command.
#[derive(Clone, Default)]
pub struct ShellLoops {
    /// Where the scan stopped: the start of a word, comment or separator.
    i: usize,
    /// Open `do` blocks, each with the innermost loop keyword open at it (its own if it has
    /// one, else the one of the block around it).
    open: Vec<Option<(&'static str, Span)>>,
    last_keyword: Option<(&'static str, Span)>,
    command_position: bool,
    started: bool,
}

impl ShellLoops {
    /// The innermost `for`/`while`/`until` loop whose `do` block is open at `offset`, if any.
    pub fn at(&mut self, text: &str, offset: usize) -> Option<(&'static str, Span)> {
        if !self.started || offset < self.i {
            *self = ShellLoops {
                command_position: true,
                started: true,
                ..ShellLoops::default()
            };
        }
        let bytes = text.as_bytes();
        let end = offset.min(bytes.len());
        // Undone after the loop: a token that `end` cuts is read again, whole or cut
        // elsewhere, by the next query.
        let mut last = None;
        while self.i < end {
            last = Some(self.step(text, end));
        }
        let found = self.open.last().cloned().flatten();
        if let Some(undo) = last {
            self.undo(undo);
        }
        found
    }

    fn undo(&mut self, undo: Undo) {
        self.i = undo.i;
        self.command_position = undo.command_position;
        self.last_keyword = undo.last_keyword;
        if undo.pushed {
            self.open.pop();
        }
        if let Some(popped) = undo.popped {
            self.open.push(popped);
        }
    }

    /// Reads one token (a separator, a comment or a word), and returns how to undo it.
    fn step(&mut self, text: &str, end: usize) -> Undo {
        let mut undo = Undo {
            i: self.i,
            command_position: self.command_position,
            last_keyword: self.last_keyword.clone(),
            pushed: false,
            popped: None,
        };
        let bytes = text.as_bytes();
        let b = bytes[self.i];
        match b {
            b'\n' | b';' | b'&' | b'|' | b'(' => {
                self.command_position = true;
                self.i += 1;
            }
            b' ' | b'\t' | b'\r' => self.i += 1,
            b')' => {
                self.command_position = false;
                self.i += 1;
            }
            b'#' => {
                while self.i < end && bytes[self.i] != b'\n' {
                    self.i += 1;
                }
            }
            _ => {
                let start = self.i;
                self.i += 1;
                while self.i < end
                    && !matches!(
                        bytes[self.i],
                        b' ' | b'\t' | b'\r' | b'\n' | b';' | b'&' | b'|' | b'(' | b')'
                    )
                {
                    self.i += 1;
                }
                if self.command_position {
                    match &text[start..self.i] {
                        "for" => self.last_keyword = Some(("for", start..self.i)),
                        "while" => self.last_keyword = Some(("while", start..self.i)),
                        "until" => self.last_keyword = Some(("until", start..self.i)),
                        "do" => {
                            let innermost = self
                                .last_keyword
                                .take()
                                .or_else(|| self.open.last().cloned().flatten());
                            self.open.push(innermost);
                            undo.pushed = true;
                            // `do cmd`: the command follows on the same line.
                            return undo;
                        }
                        "done" => {
                            undo.popped = self.open.pop();
                        }
                        _ => {}
                    }
                }
                self.command_position = false;
            }
        }
        undo
    }
}

/// What one [`ShellLoops::step`] changed.
struct Undo {
    i: usize,
    command_position: bool,
    last_keyword: Option<(&'static str, Span)>,
    pushed: bool,
    popped: Option<Option<(&'static str, Span)>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_loops_read_in_one_pass_match_reading_from_the_start() {
        let script = "#!/bin/sh\n# do not\nfor k in a b; do\n  aws s3 presign s3://b/$k\ndone\nx\"aws s3 presign\nwhile read k\ndo echo \"to do\"; for j in 1; do aws s3 presign s3://b/$k; done; done\n(cd /tmp)\naws s3 presign s3://b/y\n";
        let mut loops = ShellLoops::default();
        for offset in 0..=script.len() {
            assert_eq!(
                loops.at(script, offset),
                shell_loop(script, offset),
                "{offset}"
            );
        }
        assert_eq!(loops.at(script, 3), shell_loop(script, 3));
    }

    #[test]
    fn shell_loops_open_and_close() {
        let script = "#!/bin/sh\n# do not\nfor k in a b; do\n  aws s3 presign s3://b/$k\ndone\naws s3 presign s3://b/x\nwhile read k\ndo echo \"to do\"; aws s3 presign s3://b/$k; done\n(cd /tmp)\naws s3 presign s3://b/y\n";
        let at = |n: usize| {
            script
                .match_indices("aws s3 presign")
                .nth(n)
                .map(|(i, _)| i)
                .unwrap_or(0)
        };
        assert_eq!(shell_loop(script, at(0)).map(|l| l.0), Some("for"));
        assert_eq!(shell_loop(script, at(1)), None);
        assert_eq!(shell_loop(script, at(2)).map(|l| l.0), Some("while"));
        // A lone `)` ends no word: the scan must move past it.
        assert_eq!(shell_loop(script, at(3)), None);
    }
}
