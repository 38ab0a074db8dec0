package export

import (
	"context"
	"time"

	"github.com/acme/app/internal/download"
	"github.com/acme/app/internal/links"
)

// ReportLink hands out the CSV of a finished report.
func ReportLink(ctx context.Context, s *links.Signer, reportID string, ttl time.Duration) (string, error) {
	return download.Link(ctx, s, "reports/"+reportID+".csv", ttl)
}
