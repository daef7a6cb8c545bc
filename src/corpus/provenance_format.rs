//! Provenance groups written out: JSON Lines (one group per line), CSV (RFC 4180, one row
//! per member), or Markdown (a section per group, a line per member).

use std::io::Write;

use super::provenance::Group;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProvenanceFormat {
    Json,
    Csv,
    Markdown,
}

const COLUMNS: [&str; 18] = [
    "group",
    "what",
    "group_flags",
    "articles",
    "context",
    "path",
    "title",
    "date",
    "outlet",
    "speaker",
    "kind",
    "text",
    "value",
    "unit",
    "start",
    "end",
    "flags",
    "differs",
];

/// Writes `groups` (numbered from 1) in `format`.
pub fn write_groups(
    format: ProvenanceFormat,
    groups: &[Group],
    out: &mut impl Write,
) -> std::io::Result<()> {
    match format {
        ProvenanceFormat::Json => {
            for g in groups {
                serde_json::to_writer(&mut *out, g)?;
                out.write_all(b"\n")?;
            }
            Ok(())
        }
        ProvenanceFormat::Csv => {
            let mut w = csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(&mut *out);
            w.write_record(COLUMNS)?;
            for (n, g) in groups.iter().enumerate() {
                for m in &g.members {
                    w.write_record([
                        (n + 1).to_string().as_str(),
                        g.what,
                        &g.flags.join(" "),
                        &g.articles.to_string(),
                        g.context.unwrap_or(""),
                        &m.source.path,
                        &m.source.title,
                        m.source.date.as_deref().unwrap_or(""),
                        m.source.outlet.as_deref().unwrap_or(""),
                        m.speaker.unwrap_or(""),
                        m.kind.unwrap_or(""),
                        m.text,
                        &m.value.map(|v| v.to_string()).unwrap_or_default(),
                        m.unit.unwrap_or(""),
                        &m.start.to_string(),
                        &m.end.to_string(),
                        &m.flags.join(" "),
                        &m.differs.join(" "),
                    ])?;
                }
            }
            w.flush()
        }
        ProvenanceFormat::Markdown => {
            for (n, g) in groups.iter().enumerate() {
                let what = match g.context {
                    Some(context) => format!("Figure for “{context}”"),
                    None => "Claim".to_string(),
                };
                let flags = match g.flags.is_empty() {
                    true => String::new(),
                    false => format!(" — {}", g.flags.join(", ")),
                };
                writeln!(
                    out,
                    "## {}. {what} in {} articles{flags}\n",
                    n + 1,
                    g.articles
                )?;
                for m in &g.members {
                    let who = match (m.speaker, m.kind) {
                        (Some(s), Some(k)) => format!(" · {s} ({k})"),
                        (None, Some(k)) => format!(" · ({k})"),
                        _ => String::new(),
                    };
                    let flags = match m.flags.is_empty() {
                        true => String::new(),
                        false => format!(" **{}**", m.flags.join(", ")),
                    };
                    let differs = match m.differs.is_empty() {
                        true => String::new(),
                        false => format!(" (its own words: *{}*)", m.differs.join(" ")),
                    };
                    writeln!(
                        out,
                        "- {} · {}{who}: “{}” — {}, chars {}–{}{flags}{differs}",
                        m.source.date.as_deref().unwrap_or("undated"),
                        m.source.outlet.as_deref().unwrap_or("no outlet"),
                        m.text.split_whitespace().collect::<Vec<_>>().join(" "),
                        m.source.path,
                        m.start,
                        m.end,
                    )?;
                }
                writeln!(out)?;
            }
            Ok(())
        }
    }
}
