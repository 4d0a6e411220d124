/**
 * Model files: {@code SafeTensors} (the layout, read with every check before allocation) and {@code ModelFiles}
 * (fitted MLPs and {@code Sequential} models to and from files, with jnn's configuration in the metadata). The top
 * of the core: it may use every other package, and none uses it.
 */
package dev.jnn.io;
