export const Time = { minute: 60, hour: 3600, day: 86400 };
