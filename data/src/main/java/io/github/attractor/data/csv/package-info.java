/** Matrices as delimited text ({@link io.github.attractor.data.csv.CsvMatrix}). */
package io.github.attractor.data.csv;
