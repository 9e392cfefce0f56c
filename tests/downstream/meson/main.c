/* The meson consumer: lookups generated from its own registry, and regen's
 * own http_status library through dependency('http_status'). */
#include "app_error.h"
#include "http_status.h"

#include <stdio.h>

int main(void)
{
    for (int i = 0; i < APP_ERROR_COUNT; i++)
        printf("%d %s %s\n", app_error_table[i].code, app_error_table[i].name,
               app_error_table[i].reason);
    const struct app_error_info *quota = app_error_from_reason("quota EXCEEDED", 14);
    printf("from_reason: %d\n", quota ? quota->code : -1);
    printf("1429 retryable: %d\n", app_error_is_retryable(1429));
    printf("404: %s\n", http_status_reason(HTTP_STATUS_NOT_FOUND));
    return 0;
}
