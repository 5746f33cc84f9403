module regkit/go-regexp-oracle

go 1.19
