package fetch

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
)

// cache keeps API answers on disk, one file per request, named by the
// SHA-256 of the request's URL (without the caller's e-mail address or API
// key, so that they do not split the cache). A file holds a JSON header
// line, {"url", "status"}, and the body as received. It is written to a
// temporary file and renamed, so a file is either whole or absent, and an
// interrupted run leaves only complete answers behind.
type cache struct {
	dir string
}

type cacheHeader struct {
	URL    string `json:"url"`
	Status int    `json:"status"`
}

func (c *cache) path(url string) string {
	sum := sha256.Sum256([]byte(url))
	h := hex.EncodeToString(sum[:])
	return filepath.Join(c.dir, h[:2], h+".json")
}

// get returns the cached answer to url; ok is false when there is none, or
// when the file is not one this cache wrote for that url.
func (c *cache) get(url string) (status int, body []byte, ok bool) {
	b, err := os.ReadFile(c.path(url))
	if err != nil {
		return 0, nil, false
	}
	line, body, found := bytes.Cut(b, []byte("\n"))
	var h cacheHeader
	if !found || json.Unmarshal(line, &h) != nil || h.URL != url || h.Status == 0 {
		return 0, nil, false
	}
	return h.Status, body, true
}

// put stores an answer. A failure to write is returned but costs only the
// saving: the answer itself is still good.
func (c *cache) put(url string, status int, body []byte) error {
	p := c.path(url)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	head, err := json.Marshal(cacheHeader{URL: url, Status: status})
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return err
	}
	_, err = f.Write(append(append(head, '\n'), body...))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), p)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}
