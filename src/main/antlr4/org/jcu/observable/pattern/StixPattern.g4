/*
 * The STIX 2.1 patterning language (STIX 2.1 §9), written for jcu from the specification text.
 *
 * The lexer only delimits literals; PatternBuilder then checks their contents (string escapes, timestamp, hex and
 * base64 forms, hash lengths) so that an error names the exact rule broken instead of "unexpected input".
 * Keywords are case-sensitive and upper-case, the boolean constants lower-case, as written in §9.
 */
grammar StixPattern;

pattern
    : observationExpression EOF
    ;

// Binding from tightest to loosest: [..] and (..), qualifiers, AND, OR, FOLLOWEDBY; all left-associative.
observationExpression
    : LBRACK comparisonExpression RBRACK                            # observation
    | LPAREN observationExpression RPAREN                           # observationGroup
    | observationExpression qualifier                               # qualifiedObservation
    | observationExpression op=AND observationExpression            # observationBinary
    | observationExpression op=OR observationExpression             # observationBinary
    | observationExpression op=FOLLOWEDBY observationExpression     # observationBinary
    ;

qualifier
    : WITHIN seconds=(IntLiteral | FloatLiteral) SECONDS                    # within
    | REPEATS times=IntLiteral TIMES                                        # repeats
    | START start=TimestampLiteral STOP stop=TimestampLiteral               # startStop
    ;

// Inside brackets: AND binds tighter than OR.
comparisonExpression
    : LPAREN comparisonExpression RPAREN                            # comparisonGroup
    | propertyTest                                                  # comparisonTest
    | comparisonExpression op=AND comparisonExpression              # comparisonBinary
    | comparisonExpression op=OR comparisonExpression               # comparisonBinary
    ;

propertyTest
    : objectPath NOT? predicate                                     # pathTest
    | EXISTS objectPath                                             # existsTest
    ;

predicate
    : op=(EQ | NEQ) literal                                         # equality
    | op=(GT | GE | LT | LE) orderableLiteral                       # ordering
    | IN LPAREN (literal (COMMA literal)*)? RPAREN                  # membership
    | op=(LIKE | MATCHES | ISSUBSET | ISSUPERSET) StringLiteral     # textMatch
    ;

literal
    : orderableLiteral
    | BoolLiteral
    ;

orderableLiteral
    : IntLiteral
    | FloatLiteral
    | StringLiteral
    | BinaryLiteral
    | HexLiteral
    | TimestampLiteral
    ;

objectPath
    : objectType COLON propertyName pathStep*
    ;

objectType
    : Identifier
    | HyphenatedIdentifier
    ;

// A property name with characters other than [A-Za-z0-9_] must be quoted: hashes.'SHA-256'.
propertyName
    : Identifier
    | StringLiteral
    ;

pathStep
    : DOT propertyName                                              # propertyStep
    | LBRACK index=(IntLiteral | ASTERISK) RBRACK                   # indexStep
    ;

AND : 'AND' ;
OR : 'OR' ;
NOT : 'NOT' ;
FOLLOWEDBY : 'FOLLOWEDBY' ;
LIKE : 'LIKE' ;
MATCHES : 'MATCHES' ;
ISSUBSET : 'ISSUBSET' ;
ISSUPERSET : 'ISSUPERSET' ;
IN : 'IN' ;
EXISTS : 'EXISTS' ;
WITHIN : 'WITHIN' ;
SECONDS : 'SECONDS' ;
REPEATS : 'REPEATS' ;
TIMES : 'TIMES' ;
START : 'START' ;
STOP : 'STOP' ;

BoolLiteral : 'true' | 'false' ;

// Prefixed literals: any content up to the closing quote, checked by PatternBuilder.
TimestampLiteral : 't\'' ~[']* '\'' ;
HexLiteral : 'h\'' ~[']* '\'' ;
BinaryLiteral : 'b\'' ~[']* '\'' ;

// Any backslash pair is delimited here; PatternBuilder accepts only \\ and \'.
StringLiteral : '\'' ( ~['\\] | '\\' . )* '\'' ;
UnterminatedString : '\'' ( ~['\\] | '\\' . )* '\\'? EOF ;

FloatLiteral : [+-]? [0-9]* '.' [0-9]+ ;
IntLiteral : [+-]? ( '0' | [1-9] [0-9]* ) ;

Identifier : [a-zA-Z_] [a-zA-Z0-9_]* ;
HyphenatedIdentifier : [a-zA-Z_] [a-zA-Z0-9_-]* ;

EQ : '=' | '==' ;
NEQ : '!=' | '<>' ;
LE : '<=' ;
LT : '<' ;
GE : '>=' ;
GT : '>' ;
COLON : ':' ;
DOT : '.' ;
COMMA : ',' ;
LPAREN : '(' ;
RPAREN : ')' ;
LBRACK : '[' ;
RBRACK : ']' ;
ASTERISK : '*' ;

WS : [ \t\r\n\u000B\u000C]+ -> skip ;
// Not in §9; accepted (and dropped) as the OASIS validator does.
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;
LINE_COMMENT : '//' ~[\r\n]* -> skip ;

UnexpectedCharacter : . ;
