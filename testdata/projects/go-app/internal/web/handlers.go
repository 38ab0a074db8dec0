package web

import (
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/acme/app/internal/cdn"
	"github.com/acme/app/internal/export"
	"github.com/acme/app/internal/links"
)

type Handlers struct {
	Signer *links.Signer
}

// forEach runs fn once per key: a presign in fn is a batch.
func forEach(keys []string, fn func(string)) {
	for _, k := range keys {
		fn(k)
	}
}

// Report is a wrapper of a wrapper of a wrapper: export → download → links.Sign.
func (h *Handlers) Report(w http.ResponseWriter, r *http.Request) {
	url, _ := export.ReportLink(r.Context(), h.Signer, r.PathValue("id"), 3*24*time.Hour) // expect: excessive-expiry
	http.Redirect(w, r, url, http.StatusFound)
}

func (h *Handlers) QuickReport(w http.ResponseWriter, r *http.Request) {
	url, _ := export.ReportLink(r.Context(), h.Signer, r.PathValue("id"), 20*time.Minute)
	http.Redirect(w, r, url, http.StatusFound)
}

// 0 selects SignOrDefault's 10-hour default: reported at the call that passes 0.
func (h *Handlers) Legacy(w http.ResponseWriter, r *http.Request) {
	url, _ := h.Signer.SignOrDefault(r.Context(), r.PathValue("key"), 0) // expect: excessive-expiry
	http.Redirect(w, r, url, http.StatusFound)
}

// A caller's own value wins over the default: 2 days.
func (h *Handlers) Archive(w http.ResponseWriter, r *http.Request) {
	url, _ := h.Signer.SignOrDefault(r.Context(), r.PathValue("key"), 48*time.Hour) // expect: excessive-expiry
	http.Redirect(w, r, url, http.StatusFound)
}

// A short value of the caller's: silent.
func (h *Handlers) Peek(w http.ResponseWriter, r *http.Request) {
	url, _ := h.Signer.SignOrDefault(r.Context(), r.PathValue("key"), 5*time.Minute)
	http.Redirect(w, r, url, http.StatusFound)
}

func (h *Handlers) Gallery(w http.ResponseWriter, r *http.Request) {
	keys := r.URL.Query()["key"]
	forEach(keys, func(k string) {
		url, _ := h.Signer.Sign(r.Context(), k, 10*time.Minute) // expect: presign-in-loop
		w.Write([]byte(url + "\n"))
	})
}

// SignCapped overrides the requested validity: the 30 days asked for here are not used.
func (h *Handlers) Capped(w http.ResponseWriter, r *http.Request) {
	url, _ := h.Signer.SignCapped(r.Context(), r.PathValue("key"), 30*24*time.Hour)
	http.Redirect(w, r, url, http.StatusFound)
}

func (h *Handlers) Asset(w http.ResponseWriter, r *http.Request) {
	// Same name as download.Link, but the CDN package presigns nothing.
	http.Redirect(w, r, cdn.Link(r.PathValue("path"), 30*24*time.Hour), http.StatusFound)
}

func (h *Handlers) Icon(w http.ResponseWriter, r *http.Request) {
	// The CDN's package function Sign, not the presigning method Signer.Sign.
	http.Redirect(w, r, cdn.Sign(r.PathValue("path")), http.StatusFound)
}

func (h *Handlers) FromQuery(w http.ResponseWriter, r *http.Request) {
	// The expiry comes from the request: unknown here, not guessed.
	secs, err := strconv.Atoi(r.URL.Query().Get("ttl"))
	if err != nil {
		http.Error(w, "bad ttl", http.StatusBadRequest)
		return
	}
	url, _ := h.Signer.Sign(r.Context(), r.PathValue("key"), time.Duration(secs)*time.Second)
	http.Redirect(w, r, url, http.StatusFound)
}

func (h *Handlers) FromEnv(w http.ResponseWriter, r *http.Request) {
	// The expiry comes from the deployment: unknown here, not guessed.
	ttl, err := time.ParseDuration(os.Getenv("LINK_TTL"))
	if err != nil {
		http.Error(w, "misconfigured", http.StatusInternalServerError)
		return
	}
	url, _ := h.Signer.Sign(r.Context(), r.PathValue("key"), ttl)
	http.Redirect(w, r, url, http.StatusFound)
}
