#!/bin/sh
# Stands in for regen in the valgrind suite: runs $REGEN_UNDER_VALGRIND under
# memcheck. Any error, and any definite or possible leak, exits 99, which no
# test expects.
exec valgrind --quiet --error-exitcode=99 --leak-check=full \
    --errors-for-leak-kinds=definite,possible "${REGEN_UNDER_VALGRIND:?}" "$@"
