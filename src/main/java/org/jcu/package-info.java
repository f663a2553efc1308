/**
 * jcu, the Joint Cyber Unit platform: {@link org.jcu.JcuApplication} wires the feature packages ({@code stix},
 * {@code intel}, {@code sharing}, {@code taxii}) and {@code org.jcu.cli.JcuCli} is the entry point. Types are non-null
 * unless marked {@code @Nullable} (JSpecify).
 */
@NullMarked
package org.jcu;

import org.jspecify.annotations.NullMarked;
