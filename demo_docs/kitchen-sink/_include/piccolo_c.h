/* piccolo_c.h - a made-up C interface, used by the kitchen sink to show
 * literalinclude and the C domain. It is not part of Piccolo. */
#ifndef PICCOLO_C_H
#define PICCOLO_C_H

#include <stddef.h>

#define PICCOLO_MAX_NAME 100

struct piccolo_band {
    int id;
    char name[PICCOLO_MAX_NAME];
    int popularity;
};

typedef int (*piccolo_visit)(const struct piccolo_band *band, void *data);

int piccolo_band_count(void);
int piccolo_band_each(piccolo_visit visit, void *data);

#endif /* PICCOLO_C_H */
