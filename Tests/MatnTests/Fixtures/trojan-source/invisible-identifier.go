package main

import "fmt"

func main() {
	access⁧Level⁩ := "user"
	accessLevel := "admin"
	fmt.Println(access‭Level‬)
}
