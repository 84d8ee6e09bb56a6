#include <stdio.h>
#include <stdbool.h>

int main(void) {
    bool is_admin = false;
    /*‮ } ⁦if (is_admin)⁩ ⁦ begin admins only */
        puts("You are an admin.");
    /* end admins only ‮ { ⁦*/
    return 0;
}
