int limit = 10; ‫int used = 20;
if (used > limit) return -1;
