module github.com/citegraph/citegraph

go 1.26.8

require gonum.org/v1/gonum v0.17.0

require (
	github.com/spf13/pflag v1.1.0 // indirect
	golang.org/x/text v0.44.0 // indirect
)
