//! Durations as users write them (`900`, `15m`, `1h`, `7d`, `PT1H`) and as we print them.

/// Parses a policy duration into seconds: a bare number of seconds, a number with a unit
/// suffix (`s`, `m`, `h`, `d`, `w`, also spelled out), a sum of those (`1h30m`), or an ISO 8601
/// duration (`PT1H`, `P7D`).
/// The longest policy maximum accepted: past ten years a limit checks nothing.
pub const MAX_POLICY_SECONDS: u64 = 10 * 365 * 86_400;

/// A policy maximum (`--max-expiry`, `max-expiry`): at least one second, at most ten years.
pub fn policy_maximum(seconds: u64) -> Result<u64, PolicyMaximumError> {
    match seconds {
        0 => Err(PolicyMaximumError::Zero),
        s if s > MAX_POLICY_SECONDS => Err(PolicyMaximumError::OverTenYears(s)),
        s => Ok(s),
    }
}

/// A `max-expiry` no policy means.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum PolicyMaximumError {
    #[error("must be at least 1 second (0 would report every presign)")]
    Zero,
    #[error("must be at most 10 years ({MAX_POLICY_SECONDS} s): {0} s would report nothing")]
    OverTenYears(u64),
}

pub fn parse_duration(text: &str) -> Option<u64> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    if let Some(rest) = t.strip_prefix('P').or_else(|| t.strip_prefix('p')) {
        return parse_iso8601(rest);
    }
    if let Ok(n) = t.parse::<u64>() {
        return Some(n);
    }
    sum_of_units(t, unit_seconds)
}

/// The relative items of GNU `date -d` (`30 days`, `3 months`, `1 year 2 weeks`), in seconds:
/// a duration, or one with months (counted as 30 days, as BSD `date -v+1m` and ARM's
/// `dateTimeAdd` count them), fortnights and years (365 days).
pub fn parse_relative_date(text: &str) -> Option<u64> {
    parse_duration(text).or_else(|| {
        sum_of_units(text.trim(), |unit| {
            unit_seconds(unit).or(match unit.to_ascii_lowercase().as_str() {
                "fortnight" | "fortnights" => Some(14 * 86_400),
                "month" | "months" => Some(30 * 86_400),
                "year" | "years" => Some(365 * 86_400),
                _ => None,
            })
        })
    })
}

/// A sum of numbers with units (`1h30m`, `2 hours`), each unit's seconds given by `unit`.
fn sum_of_units(t: &str, unit_seconds: impl Fn(&str) -> Option<u64>) -> Option<u64> {
    if t.is_empty() {
        return None;
    }
    let mut total: u64 = 0;
    let mut rest = t;
    while !rest.is_empty() {
        rest = rest.trim_start();
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        if digits == 0 {
            return None;
        }
        let n: u64 = rest[..digits].parse().ok()?;
        rest = rest[digits..].trim_start();
        let unit_len = rest
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len());
        let unit = unit_seconds(&rest[..unit_len])?;
        total = total.checked_add(n.checked_mul(unit)?)?;
        rest = &rest[unit_len..];
    }
    Some(total)
}

fn unit_seconds(unit: &str) -> Option<u64> {
    Some(match unit.to_ascii_lowercase().as_str() {
        "s" | "sec" | "secs" | "second" | "seconds" => 1,
        "m" | "min" | "mins" | "minute" | "minutes" => 60,
        "h" | "hr" | "hrs" | "hour" | "hours" => 3600,
        "d" | "day" | "days" => 86_400,
        "w" | "week" | "weeks" => 604_800,
        _ => return None,
    })
}

/// The part of an ISO 8601 duration after its `P`: `1DT12H`, `T15M`, `1Y` (a year is 365
/// days, a month 30, as ARM's `dateTimeAdd` counts them).
pub fn parse_iso8601(rest: &str) -> Option<u64> {
    let mut total: u64 = 0;
    let mut in_time = false;
    let mut number = String::new();
    for c in rest.chars() {
        match c {
            'T' | 't' => in_time = true,
            '0'..='9' => number.push(c),
            _ => {
                let n: u64 = number.parse().ok()?;
                number.clear();
                let unit = match (c.to_ascii_uppercase(), in_time) {
                    ('Y', false) => 365 * 86_400,
                    ('M', false) => 30 * 86_400,
                    ('W', false) => 604_800,
                    ('D', false) => 86_400,
                    ('H', true) => 3600,
                    ('M', true) => 60,
                    ('S', true) => 1,
                    _ => return None,
                };
                total = total.checked_add(n.checked_mul(unit)?)?;
            }
        }
    }
    number.is_empty().then_some(total)
}

/// A point in time (Unix seconds) as configs, CLIs, templates and SAS tokens write it: `2030-01-01`, `2030-01-01T00:00Z`,
/// `2030-01-01T00:00:00Z`, `2030-01-01T00:00:00.000+02:00`; Unix seconds.
pub fn parse_timestamp(text: &str) -> Option<i64> {
    let t = text.trim();
    let b = t.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let s = t.get(r)?;
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse().ok())?
    };
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let month = time::Month::try_from(u8::try_from(month).ok()?).ok()?;
    let date =
        time::Date::from_calendar_date(i32::try_from(year).ok()?, month, u8::try_from(day).ok()?)
            .ok()?;
    let mut seconds = 0i64;
    let mut rest = &t[10..];
    if let Some(r) = rest.strip_prefix(['T', 't', ' ']) {
        let hour = num(11..13)?;
        if r.as_bytes().get(2) != Some(&b':') {
            return None;
        }
        let minute = num(14..16)?;
        seconds = hour * 3600 + minute * 60;
        rest = &t[16..];
        if let Some(r) = rest.strip_prefix(':') {
            let sec: String = r.chars().take_while(char::is_ascii_digit).collect();
            seconds += sec.parse::<i64>().ok()?;
            rest = &r[sec.len()..];
            if let Some(r) = rest.strip_prefix('.') {
                let frac = r.chars().take_while(char::is_ascii_digit).count();
                rest = &r[frac..];
            }
        }
    }
    let offset = match rest {
        "" | "Z" | "z" => 0,
        zone => {
            let sign = match zone.as_bytes().first() {
                Some(b'+') => 1,
                Some(b'-') => -1,
                _ => return None,
            };
            let digits: String = zone[1..].chars().filter(char::is_ascii_digit).collect();
            if digits.len() != 4 {
                return None;
            }
            let h: i64 = digits[..2].parse().ok()?;
            let m: i64 = digits[2..].parse().ok()?;
            sign * (h * 3600 + m * 60)
        }
    };
    let midnight = date.midnight().assume_utc().unix_timestamp();
    Some(midnight + seconds - offset)
}

/// Renders seconds in the largest whole unit that fits: `7 days`, `90 minutes`, `1 hour`.
pub fn human(seconds: u64) -> String {
    const UNITS: [(u64, &str); 4] = [
        (604_800, "week"),
        (86_400, "day"),
        (3600, "hour"),
        (60, "minute"),
    ];
    for (size, name) in UNITS {
        if seconds >= size && seconds.is_multiple_of(size) {
            let n = seconds / size;
            // "7 days" reads better than "1 week" for the SigV4 ceiling everyone quotes.
            if name == "week" {
                let days = seconds / 86_400;
                return plural(days, "day");
            }
            return plural(n, name);
        }
    }
    // Not a whole number of any unit: a year of ActiveSupport's (365.2425 days) reads as
    // "about 365 days"; the exact seconds are beside it in every message.
    for (size, name) in [(86_400, "day"), (3600, "hour")] {
        if seconds >= 2 * size {
            let n = (seconds as f64 / size as f64).round() as u64;
            return format!("about {}", plural(n, name));
        }
    }
    plural(seconds, "second")
}

fn plural(n: u64, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_as_clis_templates_and_sas_tokens_write_them() {
        assert_eq!(parse_timestamp("1970-01-02"), Some(86_400));
        assert_eq!(parse_timestamp("1970-01-01T01:00Z"), Some(3600));
        assert_eq!(parse_timestamp("1970-01-01T01:00:30Z"), Some(3630));
        assert_eq!(parse_timestamp("1970-01-01T02:00:00.123+01:00"), Some(3600));
        assert_eq!(parse_timestamp("2030-02-30"), None);
        assert_eq!(parse_timestamp("tomorrow"), None);
        // GNU date's relative items read as durations.
        assert_eq!(parse_duration("30 days"), Some(30 * 86_400));
        // Months and years vary in length: not a policy duration.
        assert_eq!(parse_duration("1 month"), None);
        // As GNU date's relative items, a month is 30 days and a year 365.
        assert_eq!(parse_relative_date("3 months"), Some(90 * 86_400));
        assert_eq!(parse_relative_date("1 year 2 weeks"), Some(379 * 86_400));
        assert_eq!(parse_relative_date("1 fortnight"), Some(14 * 86_400));
        assert_eq!(parse_relative_date("30 days"), Some(30 * 86_400));
        assert_eq!(parse_relative_date("next month"), None);
        assert_eq!(parse_relative_date(""), None);
    }

    #[test]
    fn parses_policy_durations() {
        assert_eq!(parse_duration("900"), Some(900));
        assert_eq!(parse_duration("15m"), Some(900));
        assert_eq!(parse_duration("1h"), Some(3600));
        assert_eq!(parse_duration("7d"), Some(604_800));
        assert_eq!(parse_duration("168h"), Some(604_800));
        assert_eq!(parse_duration("1h30m"), Some(5400));
        assert_eq!(parse_duration("2 hours"), Some(7200));
        assert_eq!(parse_duration("PT1H"), Some(3600));
        assert_eq!(parse_duration("P7D"), Some(604_800));
        assert_eq!(parse_duration("P1DT2H"), Some(93_600));
        assert_eq!(parse_duration(""), None);
        assert_eq!(parse_duration("1y"), None);
        assert_eq!(parse_duration("h"), None);
        assert_eq!(parse_duration("PT"), Some(0));
        assert_eq!(parse_duration("99999999999999999999d"), None);
    }

    #[test]
    fn renders_human_units() {
        assert_eq!(human(604_800), "7 days");
        assert_eq!(human(3600), "1 hour");
        assert_eq!(human(5400), "90 minutes");
        assert_eq!(human(61), "61 seconds");
        assert_eq!(human(31_556_952), "about 365 days");
        assert_eq!(human(9000), "150 minutes");
        assert_eq!(human(7201), "about 2 hours");
        assert_eq!(human(86_400 * 2), "2 days");
    }
}
