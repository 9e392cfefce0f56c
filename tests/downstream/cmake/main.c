/* The CMake consumer: lookups generated from its own registry. */
#include "sensor_fault.h"

#include <stdio.h>

int main(void)
{
    for (int i = 0; i < SENSOR_FAULT_COUNT; i++)
        printf("%d %s %s\n", sensor_fault_table[i].code, sensor_fault_table[i].name,
               sensor_fault_table[i].reason);
    const struct sensor_fault_info *offline = sensor_fault_from_name("SENSOR_OFFLINE", 14);
    printf("from_name: %d\n", offline ? offline->code : -1);
    printf("2600 fatal: %d\n", sensor_fault_is_fatal(2600));
    return 0;
}
