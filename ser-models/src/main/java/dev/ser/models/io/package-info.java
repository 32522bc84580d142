/**
 * The versioned, checksummed ser model file format (see {@code docs/model-format.md}) and the
 * registry of per-model-type codecs.
 */
package dev.ser.models.io;
