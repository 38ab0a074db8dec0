package links

import t "time"

// LinkValidity is shared by the package's files.
const LinkValidity = 7 * 24 * t.Hour

const PreviewValidity = 5 * t.Minute
