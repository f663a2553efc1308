/**
 * The {@code jcu} command line (picocli): {@code serve} boots the web application; data commands run offline on a
 * data directory or a database, or talk to a running server with {@code --url}. Client paths never load Spring.
 */
@NullMarked
package org.jcu.cli;

import org.jspecify.annotations.NullMarked;
