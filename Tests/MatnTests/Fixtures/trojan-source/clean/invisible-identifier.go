package main

import "fmt"

func main() {
	accessLevel := "user"
	fmt.Println(accessLevel)
}
