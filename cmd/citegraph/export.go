package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	flag "github.com/spf13/pflag"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/export"
)

const exportUsage = `Usage: citegraph export --from DIR [flags]

Converts the output folder of citegraph analyze into other formats without
recomputing anything: it reads works.csv, citations.csv, cocitation.csv,
authors.csv and author_cocitation.csv (with the clusters in them) and writes
each network (citations, cocitation, author_cocitation) in every chosen
format:

  csv        the tables again (useful with -o)
  dot        <network>.dot for Graphviz
  graphml    <network>.graphml: networkx, igraph, yEd, Gephi, Cytoscape
  gexf       <network>.gexf: Gephi 0.9+, with colours, sizes and positions
  pajek      <network>.net, <network>.clu (clusters), <network>.vec (citations)
  vosviewer  <network>_vosviewer_map.txt and <network>_vosviewer_network.txt
             (VOSviewer: Create map > based on network data), and
             <network>_vosviewer.json (VOSviewer Online)
  json       <network>.json (node-link: networkx, d3) and <network>.cyjs
             (Cytoscape.js, Cytoscape)
  parquet    works, references, citations and cocitation .parquet, typed
             columns (pandas, polars, R arrow, DuckDB); analyze also
             writes authorships.parquet and work_sources.parquet, the
             author and source keys citegraph sql groups on, which the
             tables read here do not keep
  html       map.html: the co-citation map, one file that works offline;
             --overlay year|citations colours the works by publication year
             or citations instead of cluster (VOSviewer's overlay view)

The VOSviewer map files carry score<Pub. year> and score<Citations>
columns, for VOSviewer's own overlay visualization.

Without -o the files go beside the tables read (and csv is skipped).
The co-citation and author co-citation networks are laid out with
ForceAtlas2 (seeded by --seed), so every format that holds positions shows
the same map.

Examples:
  citegraph export --from citegraph-out --export graphml,gexf
  citegraph export --from citegraph-out --export all -o converted
  citegraph export --from citegraph-out --export dot --render svg
`

// outputs are the --export and --render choices, shared by analyze and
// export.
type outputs struct {
	formats []string
	render  string // svg, png, pdf or ""
	overlay string // "year", "citations" or ""
	csvSafe bool   // CSV cells that read as formulas get a leading '
}

// overlayUsage describes --overlay.
const overlayUsage = "colour map.html by `score`: year (publication year) or citations, instead of by cluster (VOSviewer's overlay view)"

// renderFormats are what --render accepts.
var renderFormats = []string{"svg", "png", "pdf"}

// outputFlags adds --export and --render to fs; the function it returns
// checks them after parsing.
func outputFlags(fs *flag.FlagSet) func() (*outputs, error) {
	list := fs.String("export", analysis.DefaultFormats, "output formats, comma-separated: "+strings.Join(analysis.Formats, ",")+", or all")
	render := fs.String("render", "", "draw the DOT files with Graphviz into pictures: svg, png or pdf (adds dot to --export)")
	overlay := fs.String("overlay", "", overlayUsage)
	csvSafe := csvSafeFlag(fs)
	return func() (*outputs, error) {
		formats, err := analysis.ParseFormats(*list)
		if err != nil {
			return nil, usagef("--export: %v", err)
		}
		o := &outputs{formats: formats, render: strings.ToLower(*render), csvSafe: *csvSafe}
		if o.overlay, err = analysis.ParseOverlay(*overlay); err != nil {
			return nil, usagef("--overlay: %v", err)
		}
		if o.render != "" {
			if !slices.Contains(renderFormats, o.render) {
				return nil, usagef("--render: unknown picture format %q (svg, png or pdf)", *render)
			}
			if !slices.Contains(o.formats, "dot") {
				o.formats, _ = analysis.ParseFormats(strings.Join(append(o.formats, "dot"), ","))
			}
		}
		return o, nil
	}
}

// write writes files into dir as one run (see export.OpenFolder), with the
// pictures of the DOT files when --render is set, and returns the names of
// the files written. A failure to draw leaves the other files written and
// is returned after them.
func (o *outputs) write(dir string, files []export.File, stderr io.Writer, opts ...export.FolderOption) ([]string, error) {
	folder, err := export.OpenFolder(dir, opts...)
	if err != nil {
		return nil, err
	}
	defer folder.Close()
	return o.writeInto(folder, dir, files, stderr)
}

// writeInto is write into a folder open already, which may be writing
// some of the files (export.Folder.Start).
func (o *outputs) writeInto(folder *export.Folder, dir string, files []export.File, stderr io.Writer) ([]string, error) {
	if err := folder.Write(formulaSafe(files, o.csvSafe)...); err != nil {
		return nil, err
	}
	pics, renderErr := o.renderAll(dir, folder, files, stderr)
	if err := folder.Commit(); err != nil {
		return nil, err
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
	}
	return append(names, pics...), renderErr
}

// csvSafeFlag adds --csv-safe to fs.
func csvSafeFlag(fs *flag.FlagSet) *bool {
	return fs.Bool("csv-safe", false, "prefix with ' the CSV cells a spreadsheet would run as formulas (beginning with =, +, -, @); without it cells are written exactly")
}

// formulaSafe makes the CSV files among files formula-safe when on (see
// export.FormulaSafe).
func formulaSafe(files []export.File, on bool) []export.File {
	if !on {
		return files
	}
	safe := slices.Clone(files)
	for i, f := range safe {
		if filepath.Ext(f.Name) == ".csv" {
			safe[i].Write = export.FormulaSafe(f.Write)
		}
	}
	return safe
}

// renderTimeout bounds one Graphviz run.
const renderTimeout = 10 * time.Minute

// renderAll draws each DOT file among files with Graphviz when --render is
// set: dot for the citation graph, sfdp for the others. It returns the
// pictures written. A missing Graphviz is said on stderr, once; the DOT
// files stay.
func (o *outputs) renderAll(dir string, folder *export.Folder, files []export.File, stderr io.Writer) ([]string, error) {
	if o.render == "" {
		return nil, nil
	}
	var pictures []string
	missing := map[string]bool{}
	for _, f := range files {
		if filepath.Ext(f.Name) != ".dot" {
			continue
		}
		layout := "sfdp"
		if f.Name == analysis.CitationsNetwork+".dot" {
			layout = "dot"
		}
		pic := strings.TrimSuffix(f.Name, ".dot") + "." + o.render
		bin, err := exec.LookPath(layout)
		if err != nil {
			if !missing[layout] {
				fmt.Fprintf(stderr, "citegraph: Graphviz (%s) is not installed, so %s was not drawn; the DOT file is written: install Graphviz and run  %s -T%s -o %s %s\n",
					layout, f.Name, layout, o.render, filepath.Join(dir, pic), filepath.Join(dir, f.Name))
			}
			missing[layout] = true
			continue
		}
		if err := folder.Write(export.File{Name: pic, Write: renderPicture(bin, o.render, folder.Path(f.Name))}); err != nil {
			return pictures, err
		}
		pictures = append(pictures, pic)
	}
	return pictures, nil
}

// renderPicture returns the writer of the picture Graphviz draws from a
// DOT file. SVG is made valid XML whatever the labels hold.
func renderPicture(bin, format, dotPath string) func(io.Writer) error {
	return func(w io.Writer) error {
		ctx, cancel := context.WithTimeout(context.Background(), renderTimeout)
		defer cancel()
		cmd := exec.CommandContext(ctx, bin, "-T"+format, dotPath)
		var stderr strings.Builder
		cmd.Stdout, cmd.Stderr = w, &stderr
		var svg *export.XMLTextWriter
		if format == "svg" {
			svg = export.NewXMLTextWriter(w)
			cmd.Stdout = svg
		}
		if err := cmd.Run(); err != nil {
			if errors.Is(ctx.Err(), context.DeadlineExceeded) {
				return fmt.Errorf("%s took longer than %v on %s (--dot-max-edges lowers the links drawn)", filepath.Base(bin), renderTimeout, dotPath)
			}
			return fmt.Errorf("%s -T%s %s: %v: %s", filepath.Base(bin), format, dotPath, err, strings.TrimSpace(stderr.String()))
		}
		if svg != nil {
			return svg.Close()
		}
		return nil
	}
}

func runExport(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("export", exportUsage, stdout)
	from := fs.String("from", "", "output `folder` of citegraph analyze to read")
	out := fs.StringP("output", "o", "", "`folder` to write into (default: the --from folder)")
	force := fs.Bool("force", false, "write into an output folder that holds other files")
	outputs := outputFlags(fs)
	opt := analysis.DefaultExportOptions()
	fs.Uint64Var(&opt.Seed, "seed", opt.Seed, "random seed of the map layout")
	fs.IntVar(&opt.DOTMaxEdges, "dot-max-edges", opt.DOTMaxEdges, "DOT files keep this many of the strongest links (0: all)")
	fs.IntVar(&opt.MapMaxLinks, "map-max-links", opt.MapMaxLinks, "map.html draws this many of the strongest links, and each work's strongest; the layout uses them (0: all)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("export: unexpected argument %q (the folder to read is given with --from)", fs.Arg(0))
	}
	if *from == "" {
		return usagef("export: --from DIR is required (an output folder of citegraph analyze)")
	}
	if opt.DOTMaxEdges < 0 || opt.MapMaxLinks < 0 {
		return usagef("export: --dot-max-edges and --map-max-links must be 0 (all) or more")
	}
	oo, err := outputs()
	if err != nil {
		return err
	}
	dir := *out
	if dir == "" {
		dir = *from
	}
	formats := oo.formats
	same := sameDir(dir, *from)
	if same {
		// The tables are there already.
		formats = slices.DeleteFunc(slices.Clone(formats), func(f string) bool { return f == "csv" })
	}
	if info, err := os.Stat(*from); err != nil || !info.IsDir() {
		return fmt.Errorf("%s: no such folder", *from)
	}
	opt.Overlay = oo.overlay
	tables, err := analysis.ReadTables(*from)
	if err != nil {
		return err
	}
	files, err := tables.Files(formats, opt)
	if err != nil {
		return err
	}
	// Writing beside the tables read adds to them.
	opts := []export.FolderOption{export.WithForce(*force || same), export.ByRun(commandLine(fs))}
	if same {
		opts = append(opts, export.KeepEarlier())
	}
	names, err := oo.write(dir, files, stderr, opts...)
	if len(names) > 0 {
		fmt.Fprintf(stdout, "wrote %s/: %s\n", dir, strings.Join(names, " "))
	}
	return err
}

// sameDir reports whether a and b name one folder.
func sameDir(a, b string) bool {
	ia, err1 := os.Stat(a)
	ib, err2 := os.Stat(b)
	if err1 != nil || err2 != nil {
		return filepath.Clean(a) == filepath.Clean(b)
	}
	return os.SameFile(ia, ib)
}
