-- Privacy (V30-V39). The download of each release, frozen at creation: the public file is these
-- bytes (UTF-8 text) for ever, even if a later version of the software would format differently.
CREATE TABLE release_file (
    release_number INTEGER      NOT NULL REFERENCES release(number),
    format         VARCHAR(16)  NOT NULL,
    media_type     VARCHAR(100) NOT NULL,
    sha256         CHAR(64)     NOT NULL,
    content        TEXT         NOT NULL,
    PRIMARY KEY (release_number, format)
);
