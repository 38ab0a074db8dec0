pub const DAY: u64 = 86400;
pub const LINK_TTL: u64 = 7 * DAY;
pub const SHORT_TTL: u64 = 300;
