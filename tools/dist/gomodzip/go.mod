module github.com/sfn-workflows/pulumi-sfn-workflows/tools/dist/gomodzip

go 1.26.0

require golang.org/x/mod v0.43.0
