/* The Make consumer: lookups generated from its own registry. */
#include "job_state.h"

#include <stdio.h>

int main(void)
{
    for (int i = 0; i < JOB_STATE_COUNT; i++)
        printf("%d %s %s\n", job_state_table[i].code, job_state_table[i].name,
               job_state_table[i].reason);
    printf("50: %s\n", job_state_reason(50));
    printf("1 terminal: %d\n", job_state_is_terminal(1));
    return 0;
}
