/** Small utilities: a specified random generator and a deterministic worker team. */
package dev.ser.models.util;
