// SPDX-License-Identifier: GPL-2.0
/*
 * wcycle: time cycles of writes to sysfs files, for make bench.
 *
 * Usage: wcycle N FILE=VALUE [FILE=VALUE...]
 *
 * Each of the N cycles writes every VALUE to its FILE, in order, each with
 * open(), one write() and close(), and prints the cycle's duration in
 * microseconds (CLOCK_MONOTONIC), one line per cycle. No process is
 * started between the writes, so what is timed is the kernel's work. The
 * first failed write ends the run: its file and error on stderr, exit 1.
 *
 * Built statically for armel (the AST2500 is ARMv6; armhf code is ARMv7).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static long long now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

static int write_file(const char *file, const char *value)
{
	size_t len = strlen(value);
	int fd = open(file, O_WRONLY);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = write(fd, value, len);
	if (n < 0)
		n = -errno;
	close(fd);
	return n == (ssize_t)len ? 0 : (n < 0 ? (int)n : -EIO);
}

int main(int argc, char **argv)
{
	int i, j, cycles, ret;
	long long t;

	if (argc < 3 || (cycles = atoi(argv[1])) <= 0) {
		fprintf(stderr, "usage: wcycle N FILE=VALUE [FILE=VALUE...]\n");
		return 2;
	}
	for (j = 2; j < argc; j++) {
		if (!strchr(argv[j], '=')) {
			fprintf(stderr, "wcycle: not FILE=VALUE: %s\n", argv[j]);
			return 2;
		}
	}
	for (i = 0; i < cycles; i++) {
		t = now_us();
		for (j = 2; j < argc; j++) {
			char *eq = strrchr(argv[j], '=');

			*eq = '\0';
			ret = write_file(argv[j], eq + 1);
			*eq = '=';
			if (ret) {
				fprintf(stderr, "wcycle: cycle %d: %.*s: %s\n", i,
					(int)(eq - argv[j]), argv[j], strerror(-ret));
				return 1;
			}
		}
		printf("%lld\n", now_us() - t);
	}
	return 0;
}
