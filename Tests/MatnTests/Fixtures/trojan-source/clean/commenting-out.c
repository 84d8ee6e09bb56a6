#include <stdio.h>
#include <stdbool.h>

int main(void) {
    bool is_admin = false;
    /* begin admins only */ if (is_admin) {
        puts("You are an admin.");
    /* end admins only */ }
    return 0;
}
