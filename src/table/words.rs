//! Line ends: whether each cell line ends inside a word, and which final
//! hyphens a hyphenating producer added.

use super::*;

/// Decides which cell lines end inside a word, so that the register stage
/// joins them to the next line without a space. A line followed by a space
/// in the source (a drawn space glyph) ends at a word boundary. Otherwise:
/// - a line ending with a hyphen breaks a word (`e-` / `mail`, `-` / `DGCS`):
///   word processors break after a hyphen only inside a word;
/// - a line of one token reaching the column's right text edge, continued
///   by a word part, is a word broken at the cell's edge (`1000Premier` /
///   `sJours`, `l’établisseme` / `nt`; see [`cut_at_edge`]);
/// - where the source marks the space after nearly every wrapped line (text
///   extracted from a PDF), any line without it, where it would have fit,
///   ends inside a word.
pub(super) fn mark_word_breaks(entries: &mut [Entry], column_count: usize, ruled: Option<&[Column]>) {
    let mut right_edge = vec![f64::NEG_INFINITY; column_count];
    let mut left_padding = vec![f64::INFINITY; column_count];
    // Each column's widest line, the first of those as wide.
    let mut widest: Vec<Option<&CellLine>> = vec![None; column_count];
    for entry in entries.iter() {
        let Entry::Row(row) = entry else { continue };
        for (c, cell) in row.cells.iter().enumerate() {
            for line in cell.iter().flat_map(|part| part.lines.iter()) {
                if let Some(edge) = right_edge.get_mut(c) {
                    *edge = edge.max(line.bbox.x1);
                }
                if let Some(slot) = widest.get_mut(c).filter(|w| w.is_none_or(|w| line.bbox.x1 > w.bbox.x1)) {
                    *slot = Some(line);
                }
                if let (Some(padding), Some(column)) = (left_padding.get_mut(c), ruled.and_then(|r| r.get(c))) {
                    *padding = padding.min(line.bbox.x0 - column.x0);
                }
            }
        }
    }
    // Between rules, a column's text edge is its right rule less the
    // padding its text keeps from the left one, even where no line reaches
    // it (a column of short cells, whose longest line is no edge).
    for ((edge, padding), column) in right_edge.iter_mut().zip(&left_padding).zip(ruled.unwrap_or_default()) {
        if padding.is_finite() {
            *edge = edge.max(column.x1 - padding.max(0.0));
        }
    }
    let columns_fit_words = match ruled {
        Some(_) => columns_sized_to_their_words(&widest, &right_edge),
        None => columns_wrap_at_their_longest_words(entries, &widest),
    };
    // Whether the source says where lines end at a space (PDF producers that
    // draw the trailing space glyph do, on most lines; a stray space a cell's
    // text ended with says nothing); without that, a lone dash ending a line
    // is read as a separator, not as a word cut after its hyphen.
    let (mut wrapped, mut spaced) = (0usize, 0usize);
    for part in rows_of(entries).flat_map(|r| r.cells.iter().flatten()) {
        for line in part.lines.iter().take(part.lines.len().saturating_sub(1)) {
            wrapped += 1;
            spaced += usize::from(line.ends_with_space);
        }
    }
    let marks_line_end_spaces = spaced > 0 && spaced * MARKED_SPACES_SHARE >= wrapped;
    // Where the lines of several words that wrap mostly reach the column's
    // edge, the text is justified: reaching the edge tells no cut there.
    let (mut wrapped_words, mut reaching) = (0usize, 0usize);
    for row in rows_of(entries) {
        for (cell, edge) in row.cells.iter().zip(&right_edge) {
            for part in cell {
                for line in part.lines.iter().take(part.lines.len().saturating_sub(1)).filter(|l| l.text.contains(' '))
                {
                    wrapped_words += 1;
                    reaching += usize::from(reaches_edge(line, *edge));
                }
            }
        }
    }
    let justified = wrapped_words >= MIN_JUSTIFIED_LINES && reaching * 2 > wrapped_words;
    let printed = PrintedWords::of(entries);
    // Text extracted from a PDF keeps a trailing space on every line that
    // ends at a word boundary: there, a line without one ends inside a word,
    // unless the space would have passed the column's edge (a PDF producer
    // that draws line-end spaces leaves out those: `Service instructeur ;`
    // / `commission`).
    let every_boundary_marked = wrapped >= 10 && spaced * 100 >= wrapped * 95;
    // A typesetter that hyphenates between syllables, with a hyphen of its
    // own (`périsco‐` / `laires`), breaks no word without one.
    let hyphenates = rows_of(entries)
        .flat_map(|r| r.cells.iter().flatten())
        .any(|part| part.lines.iter().any(|l| ends_in_added_hyphen(&l.text)));
    let evidence = LineEndEvidence {
        every_boundary_marked,
        marks_line_end_spaces,
        cuts_words: !hyphenates && !columns_fit_words,
        justified,
        printed: &printed,
    };
    for entry in entries.iter_mut() {
        let Entry::Row(row) = entry else { continue };
        for (c, cell) in row.cells.iter_mut().enumerate() {
            let edge = right_edge.get(c).copied().unwrap_or(f64::INFINITY);
            let lines: Vec<&CellLine> = cell.iter().flat_map(|part| part.lines.iter()).collect();
            // The cut word a line ends on so far: a line of one token after
            // a line that broke a word goes on with it (`1000Pr` / `emiers` /
            // `Jours` in a column narrower than `1000Premiers`).
            let mut carried = String::new();
            let mut breaks: Vec<bool> = Vec::with_capacity(lines.len());
            for (i, line) in lines.iter().enumerate() {
                let last = line.text.rsplit(' ').next().unwrap_or("");
                let word_so_far = if line.text.contains(' ') { last.to_string() } else { format!("{carried}{last}") };
                let next = lines.get(i + 1).copied();
                let breaks_here = evidence.breaks_word(line, next, &word_so_far, edge);
                carried = if breaks_here { word_so_far } else { String::new() };
                breaks.push(breaks_here);
            }
            for (line, breaks_word) in cell.iter_mut().flat_map(|part| part.lines.iter_mut()).zip(breaks) {
                line.breaks_word = breaks_word;
            }
        }
    }
}

/// How close (points) to its column's text edge a line ends flush with it.
pub(super) const FLUSH: f64 = 0.02;

/// Fewest columns whose widest line is one word flush with their text
/// edge that show a table sizing its columns to their longest words.
pub(super) const MIN_FLUSH_COLUMNS: usize = 2;

/// Whether a ruled table sizes each column to its longest word, as
/// jsPDF-AutoTable does when its table is wider than the page: in
/// [`MIN_FLUSH_COLUMNS`] columns or more, the widest line is one word
/// ending flush with the column's text edge, to [`FLUSH`] (a word a
/// typesetter cut there ends anywhere within a character of it). Such a
/// table never has to cut a word. `widest` holds each column's widest
/// line, `right_edge` its text edge.
pub(super) fn columns_sized_to_their_words(widest: &[Option<&CellLine>], right_edge: &[f64]) -> bool {
    let flush = widest
        .iter()
        .zip(right_edge)
        .filter(|(line, edge)| line.is_some_and(|l| is_one_word(l) && (l.bbox.x1 - **edge).abs() <= FLUSH));
    flush.count() >= MIN_FLUSH_COLUMNS
}

/// Whether a table without vertical rules sizes its columns to their
/// longest words, as browsers do with a table too wide for its page: in
/// most columns whose cells wrap (and [`MIN_WORD_SIZED_COLUMNS`] or more),
/// the widest line is one word. Without rules a column's edge is wherever its
/// widest line ends, so that word always reaches it; that most columns are
/// that narrow is what shows it. A table of set widths cuts a word in a
/// column or two, whose widest line is the cut word's first part, while its
/// other columns' widest lines hold several words. `widest` holds each
/// column's widest line.
pub(super) fn columns_wrap_at_their_longest_words(entries: &[Entry], widest: &[Option<&CellLine>]) -> bool {
    let mut wraps = vec![false; widest.len()];
    for row in rows_of(entries) {
        for (cell, wrapped) in row.cells.iter().zip(wraps.iter_mut()) {
            *wrapped |= cell.iter().map(|part| part.lines.len()).sum::<usize>() > 1;
        }
    }
    let (mut wrapping, mut one_word) = (0usize, 0usize);
    for (line, _) in widest.iter().zip(&wraps).filter(|(_, wrapped)| **wrapped) {
        wrapping += 1;
        one_word += usize::from(line.is_some_and(is_one_word));
    }
    one_word >= MIN_WORD_SIZED_COLUMNS && one_word * 2 > wrapping
}

/// Whether a cell line holds one word, after its list mark if any.
fn is_one_word(line: &CellLine) -> bool {
    !line.text.trim_start_matches(LIST_MARKS).trim_start().contains(' ')
}

/// Fewest columns wrapping at one word that show a table without rules
/// sized to its words: a table of set widths may cut a word in two
/// narrow columns.
pub(super) const MIN_WORD_SIZED_COLUMNS: usize = 3;

/// Fewest wrapped lines of several words that show a table justified
/// (most of them reaching their column's edge).
pub(super) const MIN_JUSTIFIED_LINES: usize = 4;

/// What the table shows of how its producer ends lines, for
/// [`LineEndEvidence::breaks_word`].
pub(super) struct LineEndEvidence<'a> {
    /// The source keeps a space after every line ending at a word boundary
    /// where the space fits before the column's edge.
    every_boundary_marked: bool,
    /// The source spaces some line ends (where the space fits).
    marks_line_end_spaces: bool,
    /// The typesetter may cut a word at a cell's edge: it neither
    /// hyphenates words with a hyphen of its own ([`ends_in_added_hyphen`])
    /// nor sizes its columns to their longest words
    /// ([`columns_sized_to_their_words`]).
    cuts_words: bool,
    /// Most lines of several words that wrap reach their column's edge.
    justified: bool,
    /// The words the table prints.
    printed: &'a PrintedWords,
}

impl LineEndEvidence<'_> {
    /// Whether a cell's line ends inside a word that `next` goes on with.
    /// `word_so_far` is its last word, with the pieces before it where
    /// earlier lines cut it; `edge` is its column's right text edge.
    fn breaks_word(&self, line: &CellLine, next: Option<&CellLine>, word_so_far: &str, edge: f64) -> bool {
        if line.ends_with_space {
            return false;
        }
        if self.every_boundary_marked && space_fits(line, edge) {
            return true;
        }
        if line.text == "-" || line.text.ends_with(" -") {
            // After punctuation (`; -`, `: -`) or alone, the dash opens a
            // list item: a separator.
            let before = line.text.trim_end_matches('-').trim_end();
            let opens_item = before.is_empty() || before.ends_with([';', ':', ',', '.']);
            return self.marks_line_end_spaces && !opens_item && space_fits(line, edge);
        }
        let printed = self.printed;
        line.text.ends_with('-')
            || ends_in_added_hyphen(&line.text)
            // French sets no space after a slash: a line ending on one
            // broke a token there (`WSS/` / `ECU`, `envoi/` / `transmission`).
            || line.text.ends_with('/') && next.is_some_and(|n| n.text.starts_with(char::is_alphanumeric))
            || ends_with_elision(&line.text)
            || next.is_some_and(|n| printed.completes_cut_word(word_so_far, n))
            || next.is_some_and(|n| ends_cut_word(line, n))
            // French sets no space before a comma: one opening a line goes
            // on the word before it (`Finances` / `, achats` in a column too
            // narrow for both).
            || next.is_some_and(|n| n.text.starts_with([')', ']', ',']))
            || next.is_some_and(|next| {
                self.cuts_words
                    && !printed.fill_line_whole(line, next)
                    && !printed.spells_two_words(&line.text, &next.text)
                    && cut_at_edge(line, next, edge)
            })
            || next.is_some_and(|next| {
                self.cuts_words
                    && !self.justified
                    && cut_after_words(line, next, edge)
                    && printed.pieces_of_one_word(&line.text, &next.text)
            })
    }
}

/// A source marks where its lines end at a space when at least one in this
/// many of its wrapped lines ends with one: producers that draw the
/// trailing space do so on most lines (two in three or more, the rest
/// cut words), others on none but a stray.
pub(super) const MARKED_SPACES_SHARE: usize = 3;

/// Fewer words found whole elsewhere in the table, after a break at a
/// final hyphen, than this do not show that the typesetter hyphenates.
pub(super) const MIN_HYPHENATION_EVIDENCE: usize = 2;

/// Decides which final hyphens of word-breaking lines a hyphenating
/// typesetter added (TeX, groff and page-layout programs break words
/// between syllables; word processors and browsers, by default, break only
/// after a hyphen the word has). The table's own words decide: a break
/// `X-` / `y…` whose `Xy` the table prints whole elsewhere, and whose
/// `X-y` it does not, is a hyphenation. Where at least
/// [`MIN_HYPHENATION_EVIDENCE`] breaks are, and more than are shown to be
/// the word's own hyphen, the typesetter hyphenates: its breaks that no
/// word decides are hyphenations too. Otherwise every hyphen is kept.
pub(super) fn mark_added_hyphens(entries: &mut [Entry]) {
    let lines = || rows_of(entries).flat_map(|r| r.cells.iter().flatten()).flat_map(|part| part.lines.iter());
    // Too few lines end on a hyphen to show anything: no vocabulary needed.
    if lines().filter(|l| l.breaks_word && l.text.ends_with('-')).count() < MIN_HYPHENATION_EVIDENCE {
        return;
    }
    let mut words: HashSet<String> = HashSet::new();
    for line in lines() {
        words.extend(line.text.split(' ').map(vocabulary_form).filter(|w| !w.is_empty()));
    }
    // Each candidate break: whether the table shows it added (`Some(true)`),
    // the word's own (`Some(false)`), or says nothing.
    let shown = |line: &CellLine, next: &CellLine| -> Option<Option<bool>> {
        let (head, tail) = hyphen_break(line, next)?;
        if words.contains(&format!("{head}-{tail}")) {
            Some(Some(false))
        } else if words.contains(&format!("{head}{tail}")) {
            Some(Some(true))
        } else {
            Some(None)
        }
    };
    let mut verdicts: Vec<Option<bool>> = Vec::new();
    for cell in rows_of(entries).flat_map(|r| r.cells.iter()) {
        let lines: Vec<&CellLine> = cell.iter().flat_map(|part| part.lines.iter()).collect();
        verdicts.extend(lines.windows(2).filter_map(|pair| match pair {
            [line, next] => shown(line, next),
            _ => None,
        }));
    }
    let added = verdicts.iter().filter(|v| **v == Some(true)).count();
    let own = verdicts.iter().filter(|v| **v == Some(false)).count();
    if added < MIN_HYPHENATION_EVIDENCE || added <= own {
        return;
    }
    let mut verdicts = verdicts.into_iter();
    for entry in entries.iter_mut() {
        let Entry::Row(row) = entry else { continue };
        for cell in &mut row.cells {
            let mut lines: Vec<&mut CellLine> = cell.iter_mut().flat_map(|part| part.lines.iter_mut()).collect();
            for i in 1..lines.len() {
                let (before, after) = lines.split_at_mut(i);
                let (Some(line), Some(next)) = (before.last_mut(), after.first()) else { continue };
                if hyphen_break(line, next).is_some() {
                    line.hyphen_added = verdicts.next().flatten().unwrap_or(true);
                }
            }
        }
    }
}

/// A word broken after a hyphen across two lines of a cell, as the
/// vocabulary's forms of its two parts: the line breaks a word on a hyphen
/// that follows a letter, and the next line goes on in lower case.
pub(super) fn hyphen_break(line: &CellLine, next: &CellLine) -> Option<(String, String)> {
    let head = line.text.rsplit(' ').next()?.strip_suffix('-')?;
    let tail = next.text.split(' ').next()?;
    let letter_before = head.chars().last().is_some_and(char::is_alphabetic);
    let lower_after = tail.chars().next().is_some_and(char::is_lowercase);
    (line.breaks_word && letter_before && lower_after).then(|| (vocabulary_form(head), vocabulary_form(tail)))
}

/// Words French elides before a vowel (`d’`, `l’`, `jusqu’`).
pub(super) const ELIDED: &[&str] =
    &["c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"];

/// A line ending with an elided word (`d’`, `l’`, `jusqu’`), which French
/// always writes against the next word: the wrap there cut a word.
pub(super) fn ends_with_elision(text: &str) -> bool {
    let last = text.rsplit(' ').next().unwrap_or("");
    last.strip_suffix(['’', '\'']).is_some_and(|word| ELIDED.contains(&word.to_lowercase().as_str()))
}

/// What the table's own printing shows of where its words end.
pub(super) struct PrintedWords {
    /// Words printed whole ([`PrintedWords::whole_in`]).
    whole: HashSet<String>,
    /// Words printed whole inside a line, where no cut word's end stands.
    inside_lines: HashSet<String>,
    /// Words standing alone on a line before unrelated next words
    /// ([`PrintedWords::alone_before_unrelated_words`]).
    before_unrelated_words: HashSet<String>,
    /// The table's spelling, for [`PrintedWords::spells_two_words`].
    spelling: Spelling,
}

/// Letters of [`PrintedWords::spells_two_words`]'s junction, each side.
pub(super) const JUNCTION_SIDE: usize = 2;
/// Letters by which a word's end or start is known
/// ([`PrintedWords::spells_two_words`]).
pub(super) const WORD_EDGE_LETTERS: usize = 3;

/// The letter runs the table's words show, indexed so that each question
/// of [`PrintedWords::spells_two_words`] costs the same however long the
/// table is.
pub(super) struct Spelling {
    /// Every run of `2 * JUNCTION_SIDE` letters inside a word printed whole.
    inner_runs: HashSet<String>,
    /// The last `JUNCTION_SIDE..=WORD_EDGE_LETTERS` letters of the words
    /// printed inside lines.
    endings: HashSet<String>,
    /// Their first `JUNCTION_SIDE..=WORD_EDGE_LETTERS` letters.
    openings: HashSet<String>,
}

/// A word's last [`WORD_EDGE_LETTERS`] letters (all, if fewer).
pub(super) fn word_ending(letters: &[char]) -> String {
    letters.iter().skip(letters.len().saturating_sub(WORD_EDGE_LETTERS)).collect()
}

/// A word's first [`WORD_EDGE_LETTERS`] letters (all, if fewer).
pub(super) fn word_opening(letters: &[char]) -> String {
    letters.iter().take(WORD_EDGE_LETTERS).collect()
}

impl Spelling {
    /// Whether `last` ends as words printed inside lines end, and `head`
    /// opens as they open.
    fn end_and_open_like_words(&self, last: &[char], head: &[char]) -> bool {
        self.endings.contains(&word_ending(last)) && self.openings.contains(&word_opening(head))
    }

    fn of(whole: &HashSet<String>, inside_lines: &HashSet<String>) -> Self {
        let mut spelling = Spelling { inner_runs: HashSet::new(), endings: HashSet::new(), openings: HashSet::new() };
        for word in whole {
            let letters: Vec<char> = word.chars().collect();
            for run in letters.windows(2 * JUNCTION_SIDE) {
                spelling.inner_runs.insert(run.iter().collect());
            }
        }
        for word in inside_lines {
            let letters: Vec<char> = word.chars().collect();
            for n in JUNCTION_SIDE..=WORD_EDGE_LETTERS.min(letters.len()) {
                spelling.openings.insert(letters.iter().take(n).collect());
                spelling.endings.insert(letters.iter().skip(letters.len() - n).collect());
            }
        }
        spelling
    }
}

impl PrintedWords {
    /// Reads the words the table's cells print.
    fn of(entries: &[Entry]) -> Self {
        let whole = Self::whole_in(entries, false);
        let inside_lines = Self::whole_in(entries, true);
        let spelling = Spelling::of(&whole, &inside_lines);
        PrintedWords {
            whole,
            inside_lines,
            before_unrelated_words: Self::alone_before_unrelated_words(entries),
            spelling,
        }
    }

    /// Whether the table prints the word whole somewhere.
    fn known(&self, word: &str) -> bool {
        self.whole.contains(&vocabulary_form(word))
    }

    /// The words the table's cells print whole, in their vocabulary form:
    /// all but the last word of a line with no space after it, which may be
    /// cut (unless the line ends its cell: a cut word goes on in its cell),
    /// and, with `inside_lines`, but the first word of a line too, which
    /// may end a cut word (unless it opens its cell: no cut word ends
    /// there).
    fn whole_in(entries: &[Entry], inside_lines: bool) -> HashSet<String> {
        let mut words = HashSet::new();
        for lines in cells_lines(entries) {
            for (k, line) in lines.iter().enumerate() {
                let tokens: Vec<&str> = line.text.split(' ').collect();
                let ends_cell = k + 1 == lines.len();
                let whole =
                    if line.ends_with_space || ends_cell { tokens.len() } else { tokens.len().saturating_sub(1) };
                let skip = usize::from(inside_lines && k > 0);
                let printed = tokens.iter().take(whole).skip(skip);
                words.extend(printed.map(|t| vocabulary_form(t)).filter(|w| !w.is_empty()));
            }
        }
        words
    }

    /// The words that stand alone on a line before next lines opening with
    /// unrelated words of [`MIN_KNOWN_HEAD_CHARS`] or more (their first two
    /// letters differ), in their vocabulary form. A word cut at a line's
    /// end goes on with the rest of the same word (`Visioconféren` / `ce`,
    /// `ces`) wherever the table prints it; a word as wide as its column is
    /// followed by whatever the text says next (`l’administration` /
    /// `ministère`, `numéro`).
    fn alone_before_unrelated_words(entries: &[Entry]) -> HashSet<String> {
        let mut next_words: HashMap<String, HashSet<String>> = HashMap::new();
        for lines in cells_lines(entries) {
            for pair in lines.windows(2) {
                let [line, next] = pair else { continue };
                let token = line.text.trim_start_matches(LIST_MARKS).trim_start();
                let head = next.text.split(' ').next().unwrap_or("");
                let opening: String =
                    head.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
                if token.contains(' ') || opening.chars().count() < MIN_KNOWN_HEAD_CHARS {
                    continue;
                }
                next_words.entry(vocabulary_form(token)).or_default().insert(opening.chars().take(2).collect());
            }
        }
        next_words.into_iter().filter(|(_, openings)| openings.len() >= 2).map(|(word, _)| word).collect()
    }

    /// A line's last word (with what it goes on from, where lines before
    /// cut it) that the table prints whole nowhere, but does print whole
    /// with the next line's first word after it (`Direction généra` / `le de
    /// la`, where `générale` stands elsewhere): a word cut at the cell's
    /// edge, even where its end is a word of its own.
    fn completes_cut_word(&self, last: &str, next: &CellLine) -> bool {
        let head = next.text.split(' ').next().unwrap_or("");
        last.chars().last().is_some_and(char::is_alphabetic)
            && head.chars().next().is_some_and(char::is_alphabetic)
            && !head.contains(['’', '\''])
            && !self.known(last)
            && self.known(&format!("{last}{head}"))
    }

    /// Whether a line's last word and the next line's first read as two
    /// words by the table's own spelling: no word it prints whole holds
    /// their junction (the last two letters of one and the first two of
    /// the other: `ns` + `no` of `Habilitations` / `nominatives`), while
    /// words it prints inside lines (where no cut piece stands) end as the
    /// first does (its last three letters) and open as the second does. A
    /// word cut at a cell's edge goes on with letters that words hold
    /// inside (`interdépartem` / `entale`: `emen`, as in `traitement`),
    /// and its first piece seldom ends as a word does (`1000Pr` / `emiers`).
    fn spells_two_words(&self, line: &str, next: &str) -> bool {
        let last: Vec<char> = vocabulary_form(line.rsplit(' ').next().unwrap_or("")).chars().collect();
        let head: Vec<char> = vocabulary_form(next.split(' ').next().unwrap_or("")).chars().collect();
        if last.len() < JUNCTION_SIDE
            || head.len() < JUNCTION_SIDE
            || !last.iter().chain(&head).all(|c| c.is_alphabetic())
        {
            return false;
        }
        let tail: String = last.iter().skip(last.len().saturating_sub(JUNCTION_SIDE)).collect();
        let opening: String = head.iter().take(JUNCTION_SIDE).collect();
        !self.spelling.inner_runs.contains(&format!("{tail}{opening}"))
            && self.spelling.end_and_open_like_words(&last, &head)
    }

    /// Whether a line's last word and the next line's first are pieces of
    /// one word cut where the line ended: the table prints neither whole
    /// (the second, inside a line: where it opens one, it may be that piece),
    /// the pieces end and open unlike the words it prints inside lines, and
    /// the letters around the cut (up to three each side) run inside a word
    /// it does print whole (`prof` / `essionnelles`: `rofess`, as in
    /// `professionnelle`); or the first piece is a lone letter after an
    /// elision, which is no word (`d’h` / `ébergement`).
    fn pieces_of_one_word(&self, line: &str, next: &str) -> bool {
        let last = line.rsplit(' ').next().unwrap_or("");
        let head = next.split(' ').next().unwrap_or("");
        let (tail, opening) = (vocabulary_form(last), vocabulary_form(head));
        let letters = |w: &str| !w.is_empty() && w.chars().all(char::is_alphabetic);
        if !letters(&tail) || !letters(&opening) || self.known(last) || self.inside_lines.contains(&opening) {
            return false;
        }
        let (tail, opening): (Vec<char>, Vec<char>) = (tail.chars().collect(), opening.chars().collect());
        let elided_letter = tail.len() == 1 && opens_with_elision(last);
        let junction = format!("{}{}", word_ending(&tail), word_opening(&opening));
        elided_letter
            || tail.len() >= JUNCTION_SIDE
                && opening.len() >= JUNCTION_SIDE
                && !self.spelling.end_and_open_like_words(&tail, &opening)
                && self.whole.iter().any(|word| word.contains(&junction))
    }

    /// A line holding one word that the table prints whole elsewhere, or
    /// that stands alone before unrelated words, or followed by a word of
    /// [`MIN_KNOWN_HEAD_CHARS`] or more that it prints inside a line (the
    /// end of a cut word only ever opens one), where the two joined are
    /// printed nowhere; or followed by a word opening with an elision: a
    /// word as wide as its column (`l’administration` / `élèves`), not one
    /// cut there (a cut leaves a part of a word: `Visioconféren` / `ce`,
    /// `l’établisseme` / `nt`).
    fn fill_line_whole(&self, line: &CellLine, next: &CellLine) -> bool {
        let token = line.text.trim_start_matches(LIST_MARKS).trim_start();
        let head = next.text.split(' ').next().unwrap_or("");
        let head_known = head.chars().filter(|c| c.is_alphanumeric()).count() >= MIN_KNOWN_HEAD_CHARS
            && self.inside_lines.contains(&vocabulary_form(head));
        let shown_whole = self.known(token) || self.before_unrelated_words.contains(&vocabulary_form(token));
        !token.contains(' ')
            && (opens_with_elision(head) || (shown_whole || head_known) && !self.known(&format!("{token}{head}")))
    }
}

/// Each cell's lines, across the pages it spans.
pub(super) fn cells_lines(entries: &[Entry]) -> impl Iterator<Item = Vec<&CellLine>> {
    rows_of(entries)
        .flat_map(|row| row.cells.iter().map(|cell| cell.iter().flat_map(|part| part.lines.iter()).collect()))
}

/// A word opening with an elided word (`d’accès`, `l’administration`):
/// French writes the elision only at a word's start.
pub(super) fn opens_with_elision(word: &str) -> bool {
    word.split_once(['’', '\'']).is_some_and(|(elided, rest)| {
        ELIDED.contains(&elided.to_lowercase().as_str()) && rest.starts_with(char::is_alphabetic)
    })
}

/// Fewest letters a next line's first word needs for the table's printing
/// it whole elsewhere to show it is a word of its own: shorter ones are
/// often the end of a cut word too (`ce`, `nt`, `les`).
pub(super) const MIN_KNOWN_HEAD_CHARS: usize = 4;

/// The line ends less than about a character short of the column's right
/// text edge.
pub(super) fn reaches_edge(line: &CellLine, edge: f64) -> bool {
    line.bbox.x1 >= edge - 0.65 * line.bbox.height().max(1.0)
}

/// Whether a space would still fit after the line before the column's
/// right text edge: where it would not, a producer that draws the spaces
/// ending lines leaves it out, and its absence says nothing.
pub(super) fn space_fits(line: &CellLine, edge: f64) -> bool {
    line.bbox.x1 + SPACE_WIDTH * line.bbox.height().max(1.0) <= edge
}

/// How much wider than a line's average character its widest are (`M`,
/// `W` beside `i`, `l`).
pub(super) const WIDE_CHAR: f64 = 1.6;

/// A line cut inside a word at the cell's edge: a token reaching the
/// column's right text edge, followed by a line that goes on with a letter
/// or digit (not `(`, `;`…) and not with a word that stands on its own
/// (`Consultations` / `du public` is a wrap, `Visioconféren` / `ce` a
/// cut), where the two joined would be wider than the next line's room,
/// so the word could not have been wrapped whole. The token is the whole
/// line (a list item's bullet aside: `• Professionnel` / `s`): a
/// typesetter cuts a word only when it is too wide for a line of its own,
/// so it first wraps it to a new line, and the cut piece opens that line
/// (`s de santé de` / `l’établisseme` / `nt`). A line's last word after
/// others, however close to the edge, was wrapped whole (`fonction,
/// adresse` / `électronique`, where the space after `adresse` did not
/// fit). A cut that leaves a word able to fit a line (`Élections prof` /
/// `essionnelles`) looks like an ordinary wrap and is left as one.
pub(super) fn cut_at_edge(line: &CellLine, next: &CellLine, edge: f64) -> bool {
    const STANDALONE: &[&str] = &[
        "à", "après", "au", "aux", "avant", "avec", "chez", "contre", "dans", "de", "depuis", "des", "du", "en",
        "entre", "et", "la", "le", "les", "lors", "ou", "par", "pendant", "pour", "sans", "selon", "sous", "sur", "un",
        "une", "vers",
    ];
    // A list item's bullet is no word: `• Professionnel` is one token.
    let text = line.text.trim_start_matches(LIST_MARKS).trim_start();
    let head = next.text.split(' ').next().unwrap_or("");
    let goes_on = head.chars().next().is_some_and(char::is_alphanumeric) && !STANDALONE.contains(&head);
    let joined = text.chars().count() as f64 * char_width(line) + head.chars().count() as f64 * char_width(next);
    // The room a word wrapped whole would have had: the next line's own.
    let room = edge - next.bbox.x0;
    // A cut leaves the line short of the edge by less than the character
    // that did not fit, which may be wide (`DNU` / `M`).
    let next_char_fits = line.bbox.x1 + WIDE_CHAR * char_width(next) <= edge;
    !text.contains(' ')
        && (reaches_edge(line, edge) || !next_char_fits)
        && goes_on
        && joined > room
        && !is_legal_basis_phrase(text, head)
        && !longer_than_a_word(text, head)
        && !ends_on_clause_mark(text, head)
        && !figures_after_word(text, head)
}

/// Whether a line ends on a word of running text (a lower-case letter) and
/// the next opens on a figure (`intermédiaire` / `45 ans`): a number is a
/// word of its own, not the rest of a word cut at the edge.
pub(super) fn figures_after_word(token: &str, head: &str) -> bool {
    token.ends_with(char::is_lowercase) && head.starts_with(|c: char| c.is_ascii_digit())
}

/// A line of several words cut inside its last one at the cell's edge, as
/// typesetters that fill a line before cutting a word too wide for the
/// column do (ReportLab: `Élections prof` / `essionnelles`): the line ends
/// less than a character short of the column's right text edge, the next
/// line goes on in lower case, and its first word joined to the line's last
/// would be wider than the next line's room, so the typesetter could not
/// have wrapped that word whole. Whether the two are one word is for the
/// table's spelling to say ([`PrintedWords::pieces_of_one_word`]).
pub(super) fn cut_after_words(line: &CellLine, next: &CellLine, edge: f64) -> bool {
    let Some((_, last)) = line.text.rsplit_once(' ') else { return false };
    let head = next.text.split(' ').next().unwrap_or("");
    let joined = last.chars().count() as f64 * char_width(line) + head.chars().count() as f64 * char_width(next);
    line.bbox.x1 + WIDE_CHAR * char_width(next) > edge
        && head.starts_with(char::is_lowercase)
        && joined > edge - next.bbox.x0
        && !longer_than_a_word(last, head)
}

/// A cell line's average character width.
pub(super) fn char_width(line: &CellLine) -> f64 {
    line.bbox.width() / line.text.chars().count().max(1) as f64
}

/// Whether a token ends on a comma, semicolon or colon before a word: French
/// sets a space after those, where the typesetter wraps (`Plans,` /
/// `Programmes`), so no word is cut there.
pub(super) fn ends_on_clause_mark(token: &str, head: &str) -> bool {
    token.ends_with([',', ';', ':']) && head.starts_with(char::is_alphabetic)
}

/// Most letters a word of running text has (`anticonstitutionnellement`).
pub(super) const MAX_WORD_LETTERS: usize = 25;

/// Whether two runs of letters joined would be longer than any word
/// (`accompagnement` / `psychologique`): two words, not one cut. Runs with
/// other characters (addresses, codes, names with digits) may be longer.
pub(super) fn longer_than_a_word(token: &str, head: &str) -> bool {
    let letters = |w: &str| w.chars().all(char::is_alphabetic).then(|| w.chars().count());
    matches!((letters(token), letters(head)), (Some(a), Some(b)) if a + b > MAX_WORD_LETTERS)
}

/// A line ending on a letter, followed by a line opening on a lone
/// lower-case letter that is no word (`identificatio` / `n`,
/// `Professionnel` / `s`): only the end of a word cut at the line's end
/// opens a line so, whatever the source says of line ends. Two letters
/// may be a word of another language (`sont` / `in fine`).
pub(super) fn ends_cut_word(line: &CellLine, next: &CellLine) -> bool {
    const LETTER_WORDS: &[&str] = &["a", "à", "i", "y", "ô"];
    let head = next.text.split(' ').next().unwrap_or("");
    line.text.chars().last().is_some_and(char::is_alphabetic)
        && head.chars().count() == 1
        && head.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
        && !LETTER_WORDS.contains(&head)
}

/// The words of the legal bases of article 6 of the GDPR, which registers
/// print in a narrow column where the first word fills a line on its own
/// (`Obligation` / `légale`, `d’intérêt` / `public`): two words, not a word
/// cut at the cell's edge.
pub(super) fn is_legal_basis_phrase(fragment: &str, head: &str) -> bool {
    const PHRASES: &[(&str, &str)] = &[
        ("obligation", "légale"),
        ("obligations", "légales"),
        ("intérêt", "public"),
        ("intérêt", "légitime"),
        ("intérêts", "légitimes"),
        ("intérêts", "vitaux"),
        ("mission", "intérêt"),
        ("exécution", "un"),
        ("sauvegarde", "des"),
    ];
    // Lower case, no punctuation around, no elided article (`d’intérêt`).
    let word = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase().replace('\'', "’");
        w.rsplit('’').next().unwrap_or_default().to_string()
    };
    let (a, b) = (word(fragment), word(head));
    PHRASES.iter().any(|(x, y)| *x == a && *y == b)
}
