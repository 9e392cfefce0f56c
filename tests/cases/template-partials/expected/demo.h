/* Generated from demo: do not edit.
 */
"Continue"
"OK \"*fine*\""
