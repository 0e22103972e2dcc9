package main

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"runtime/debug"
	"slices"
	"strings"
	"text/template"
)

const completionUsage = `Usage: citegraph completion bash|zsh|fish

Prints a shell completion script for citegraph's commands and flags.

Examples:
  source <(citegraph completion bash)                          # bash, this shell
  citegraph completion zsh > "${fpath[1]}/_citegraph"           # zsh
  citegraph completion fish > ~/.config/fish/completions/citegraph.fish
`

// flagName finds the long flags in a command's usage.
var flagName = regexp.MustCompile(`(?m)^\s+(?:-\w, )?(--[a-z][a-z-]*)`)

// commandFlags lists each command's long flags, read off its --help.
func commandFlags() map[string][]string {
	flags := map[string][]string{}
	for _, c := range commands {
		var out bytes.Buffer
		c.run([]string{"--help"}, strings.NewReader(""), &out, io.Discard)
		for _, m := range flagName.FindAllStringSubmatch(out.String(), -1) {
			flags[c.name] = append(flags[c.name], m[1])
		}
		flags[c.name] = append(flags[c.name], "--help")
		slices.Sort(flags[c.name])
		flags[c.name] = slices.Compact(flags[c.name])
	}
	return flags
}

var completionScripts = map[string]string{
	"bash": `# bash completion for citegraph
_citegraph() {
	local cur=${COMP_WORDS[COMP_CWORD]} opts
	if [ "$COMP_CWORD" -eq 1 ]; then
		COMPREPLY=($(compgen -W "{{.Commands}} --help --version" -- "$cur"))
		return
	fi
	case ${COMP_WORDS[1]} in
{{range .Flags}}	{{.Name}}) opts="{{.List}}" ;;
{{end}}	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$opts" -- "$cur"))
	else
		COMPREPLY=($(compgen -f -- "$cur"))
	fi
}
complete -o filenames -F _citegraph citegraph
`,
	"fish": `# fish completion for citegraph
complete -c citegraph -f -n __fish_use_subcommand -a "{{.Commands}}"
complete -c citegraph -n __fish_use_subcommand -l version -d "print the version"
{{range .Flags}}{{$name := .Name}}{{range .Each}}complete -c citegraph -n "__fish_seen_subcommand_from {{$name}}" -l {{.}}
{{end}}{{end}}`,
}

func init() {
	// zsh runs the bash script through its bash completion support.
	completionScripts["zsh"] = "#compdef citegraph\nautoload -U +X bashcompinit && bashcompinit\n" + completionScripts["bash"]
}

func runCompletion(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("completion", completionUsage, stdout)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 || completionScripts[fs.Arg(0)] == "" {
		return usagef("completion takes one shell: bash, zsh or fish")
	}
	type cmdFlags struct {
		Name, List string
		Each       []string
	}
	data := struct {
		Commands string
		Flags    []cmdFlags
	}{}
	var names []string
	flags := commandFlags()
	for _, c := range commands {
		names = append(names, c.name)
		var each []string
		for _, f := range flags[c.name] {
			each = append(each, strings.TrimPrefix(f, "--"))
		}
		data.Flags = append(data.Flags, cmdFlags{c.name, strings.Join(flags[c.name], " "), each})
	}
	data.Commands = strings.Join(append(names, "completion"), " ")
	t := template.Must(template.New(fs.Arg(0)).Parse(completionScripts[fs.Arg(0)]))
	return t.Execute(stdout, data)
}

// version is the module version and VCS revision the binary was built from.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "citegraph (unknown version)"
	}
	v := info.Main.Version
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " " + s.Value[:12]
		}
		if s.Key == "vcs.modified" && s.Value == "true" {
			v += "+dirty"
		}
	}
	return fmt.Sprintf("citegraph %s (%s)", v, info.GoVersion)
}
