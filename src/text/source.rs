//! A file's text and the mapping from byte offsets to 1-based lines and character columns.

use std::borrow::Cow;

/// Decoded text of one input. Invalid UTF-8 is replaced (U+FFFD) rather than rejected, so a
/// file with one bad byte is still scanned; UTF-16 with a BOM is transcoded.
pub struct SourceFile {
    pub text: String,
    line_starts: Vec<usize>,
    /// Character and UTF-16 counts at every [`COLUMN_STRIDE`] bytes, so a column costs at most
    /// one stride of counting however long its line is (a 4 MB minified line with thousands of
    /// findings is not counted from its start for each one). Empty for ASCII text, where a
    /// column is a byte difference.
    checkpoints: Vec<Checkpoint>,
}

/// Bytes between two column checkpoints: a column costs O(`COLUMN_STRIDE`), not O(line).
const COLUMN_STRIDE: usize = 4096;

#[derive(Clone, Copy)]
struct Checkpoint {
    /// Byte offset (a char boundary at or before a multiple of the stride).
    at: usize,
    chars: usize,
    utf16: usize,
}

impl SourceFile {
    pub fn new(text: String) -> Self {
        let line_starts = line_starts(&text);
        let checkpoints = checkpoints(&text);
        SourceFile {
            text,
            line_starts,
            checkpoints,
        }
    }

    pub fn from_bytes(bytes: &[u8]) -> Self {
        SourceFile::new(decode(bytes).into_owned())
    }

    /// Like [`SourceFile::from_bytes`], but valid UTF-8 without a BOM (nearly every file) is
    /// taken as it is, without a copy: a 100 MB file costs 100 MB, not 200.
    pub fn from_vec(bytes: Vec<u8>) -> Self {
        if bytes.starts_with(b"\xEF\xBB\xBF") || has_utf16_bom(&bytes) {
            return SourceFile::from_bytes(&bytes);
        }
        match String::from_utf8(bytes) {
            Ok(text) => SourceFile::new(text),
            Err(e) => SourceFile::from_bytes(e.as_bytes()),
        }
    }

    /// 1-based line and 1-based character column of a byte offset.
    /// O(log lines + `COLUMN_STRIDE`) whatever the line's length.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let (line_index, start, end) = self.line_before(offset);
        let (chars, _) = self.counts(start, end);
        (line_index + 1, chars + 1)
    }

    /// The 0-based line of a byte offset, the byte where that line starts, and the offset
    /// floored to a char boundary.
    fn line_before(&self, offset: usize) -> (usize, usize, usize) {
        let offset = offset.min(self.text.len());
        let line_index = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.line_starts.get(line_index).copied().unwrap_or(0);
        let end = floor_char_boundary(&self.text, offset).max(start);
        (line_index, start, end)
    }

    /// Characters and UTF-16 code units in `start..end` (both char boundaries).
    fn counts(&self, start: usize, end: usize) -> (usize, usize) {
        if self.checkpoints.is_empty() || end - start <= COLUMN_STRIDE {
            let text = self.text.get(start..end).unwrap_or("");
            if self.checkpoints.is_empty() {
                return (text.len(), text.len());
            }
            return (
                text.chars().count(),
                text.chars().map(char::len_utf16).sum(),
            );
        }
        let (end_chars, end_utf16) = self.counts_from_file_start(end);
        let (start_chars, start_utf16) = self.counts_from_file_start(start);
        (end_chars - start_chars, end_utf16 - start_utf16)
    }

    fn counts_from_file_start(&self, offset: usize) -> (usize, usize) {
        let index = (offset / COLUMN_STRIDE).min(self.checkpoints.len().saturating_sub(1));
        let Some(checkpoint) = self.checkpoints.get(index) else {
            return (0, 0);
        };
        let rest = self
            .text
            .get(checkpoint.at.min(offset)..offset)
            .unwrap_or("");
        (
            checkpoint.chars + rest.chars().count(),
            checkpoint.utf16 + rest.chars().map(char::len_utf16).sum::<usize>(),
        )
    }

    /// 1-based columns of a span's ends in UTF-16 code units (SARIF, GitHub).
    pub fn utf16_columns(&self, span: &std::ops::Range<usize>) -> crate::finding::Utf16Columns {
        crate::finding::Utf16Columns {
            start: self.utf16_column(span.start),
            end: self.utf16_column(span.end),
        }
    }

    fn utf16_column(&self, offset: usize) -> usize {
        let (_, start, end) = self.line_before(offset);
        self.counts(start, end).1 + 1
    }

    /// Number of lines (a trailing newline does not start a new line).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Byte range of a 1-based line, without its terminator.
    pub fn line_range(&self, line: usize) -> std::ops::Range<usize> {
        let start = self
            .line_starts
            .get(line.wrapping_sub(1))
            .copied()
            .unwrap_or(self.text.len());
        let end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        let body = &self.text[start..end];
        let trimmed = body.trim_end_matches(['\n', '\r']);
        start..start + trimmed.len()
    }

    pub fn line_text(&self, line: usize) -> &str {
        &self.text[self.line_range(line)]
    }
}

/// Line starts after `\n`, `\r\n`, and a lone `\r` (classic Mac), so line numbers match
/// what editors show.
fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    let mut i = 0;
    while let Some(found) = memchr::memchr2(b'\n', b'\r', &bytes[i..]) {
        let at = i + found;
        if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
            i = at + 2;
        } else {
            i = at + 1;
        }
        starts.push(i);
    }
    if starts.len() > 1 && *starts.last().unwrap_or(&0) == text.len() {
        starts.pop();
    }
    starts
}

/// The column checkpoints of a text: none for ASCII, else one per [`COLUMN_STRIDE`] bytes.
fn checkpoints(text: &str) -> Vec<Checkpoint> {
    if text.is_ascii() {
        return Vec::new();
    }
    let mut checkpoints = Vec::with_capacity(text.len() / COLUMN_STRIDE + 1);
    let (mut at, mut chars, mut utf16) = (0, 0, 0);
    for k in 0..=text.len() / COLUMN_STRIDE {
        let next = floor_char_boundary(text, k * COLUMN_STRIDE).max(at);
        let piece = text.get(at..next).unwrap_or("");
        chars += piece.chars().count();
        utf16 += piece.chars().map(char::len_utf16).sum::<usize>();
        at = next;
        checkpoints.push(Checkpoint { at, chars, utf16 });
    }
    checkpoints
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Decodes bytes to text: UTF-8 (BOM stripped), UTF-16 LE/BE with BOM, else lossy UTF-8.
pub fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8_lossy(rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Cow::Owned(decode_utf16(rest, u16::from_le_bytes));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Cow::Owned(decode_utf16(rest, u16::from_be_bytes));
    }
    String::from_utf8_lossy(bytes)
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// Whether bytes look like UTF-16 text (BOM), which contains NULs but is not binary.
pub fn has_utf16_bom(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_and_all_line_endings() {
        let src = SourceFile::new("ab\r\ncé d\re\nf".to_string());
        assert_eq!(src.position(0), (1, 1));
        assert_eq!(src.position(4), (2, 1));
        // 'd' is after a two-byte 'é': byte 8, character column 4.
        assert_eq!(src.position(8), (2, 4));
        assert_eq!(src.position(10), (3, 1));
        assert_eq!(src.position(12), (4, 1));
        assert_eq!(src.line_count(), 4);
        for bytes in [
            &b"ab\r\nc\xC3\xA9 d\re\nf"[..],
            b"\xEF\xBB\xBFx\xFFy",
            b"\xFF\xFEa\x00",
        ] {
            assert_eq!(
                SourceFile::from_vec(bytes.to_vec()).text,
                SourceFile::from_bytes(bytes).text
            );
        }
        assert_eq!(src.line_text(2), "cé d");
        // An emoji is one character and two UTF-16 code units.
        let emoji = SourceFile::new("a = \"😀\" + b".to_string());
        let b = emoji.text.find('b').unwrap_or(0);
        assert_eq!(emoji.position(b), (1, 11));
        assert_eq!(emoji.utf16_columns(&(b..b + 1)).start, 12);
        assert_eq!(src.line_text(1), "ab");
    }

    #[test]
    fn columns_on_long_lines_match_counting_from_the_line_start() {
        let mut text = String::from("é\n");
        for i in 0..3000 {
            text.push_str(if i % 7 == 0 { "😀x" } else { "abcé" });
        }
        text.push_str("\nz");
        let src = SourceFile::new(text.clone());
        for offset in (0..=text.len()).step_by(97).chain([text.len() - 1, 3]) {
            let end = floor_char_boundary(&text, offset);
            let start = text[..end].rfind('\n').map_or(0, |i| i + 1);
            let before = &text[start..end];
            let line = text[..start].matches('\n').count() + 1;
            assert_eq!(
                src.position(offset),
                (line, before.chars().count() + 1),
                "{offset}"
            );
            assert_eq!(
                src.utf16_columns(&(offset..offset)).start,
                before.chars().map(char::len_utf16).sum::<usize>() + 1
            );
        }
    }

    #[test]
    fn decodes_boms_and_invalid_utf8() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi"), "hi");
        assert_eq!(decode(b"\xFF\xFEh\0i\0"), "hi");
        assert_eq!(decode(b"\xFE\xFF\0h\0i"), "hi");
        assert_eq!(decode(b"a\xFFb"), "a\u{FFFD}b");
    }
}
