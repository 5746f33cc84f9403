module regkit/go-oracle

go 1.19
