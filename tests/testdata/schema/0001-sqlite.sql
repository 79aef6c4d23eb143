-- A results database exactly as migration 0001_initial_tables leaves it, with a few rows:
-- dumped once with Python's sqlite3 iterdump from the frozen 0001 table definitions.
-- This is test data: never regenerate or edit it. tests/test_migrations.py migrates it to the
-- current schema, and checks that 0001 still creates the schema described here.
BEGIN TRANSACTION;
CREATE TABLE attempts (
	id VARCHAR(40) NOT NULL, 
	quiz_id VARCHAR(100) NOT NULL, 
	student_id INTEGER, 
	class_id INTEGER, 
	kiosk VARCHAR(100), 
	"plan" TEXT NOT NULL, 
	retry BOOLEAN NOT NULL, 
	started_at DATETIME NOT NULL, 
	finished_at DATETIME, 
	score FLOAT, 
	max_points FLOAT, 
	percent FLOAT, 
	passed BOOLEAN, 
	PRIMARY KEY (id), 
	FOREIGN KEY(student_id) REFERENCES students (id) ON DELETE CASCADE, 
	FOREIGN KEY(class_id) REFERENCES classes (id) ON DELETE SET NULL
);
INSERT INTO "attempts" VALUES('p3Zq8LwX0bVt5NkRj2YdAg','every-kind',1,1,NULL,'{"quiz_id": "every-kind", "seed": 7, "question_ids": ["founded", "members", "veto"], "option_orders": {"members": ["10", "12", "14"]}, "retry": false}',0,'2024-09-02 08:10:00.000000',NULL,NULL,NULL,NULL,NULL);
CREATE TABLE classes (
	id INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	join_code VARCHAR(12) NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (join_code)
);
INSERT INTO "classes" VALUES(1,'History 9B','K7QX2M','2024-09-02 08:00:00.000000');
CREATE TABLE responses (
	id INTEGER NOT NULL, 
	attempt_id VARCHAR(40) NOT NULL, 
	question_id VARCHAR(100) NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	topic VARCHAR(20) NOT NULL, 
	response TEXT NOT NULL, 
	verdict VARCHAR(10) NOT NULL, 
	points FLOAT NOT NULL, 
	max_points FLOAT NOT NULL, 
	feedback TEXT NOT NULL, 
	answered_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_one_answer_per_question UNIQUE (attempt_id, question_id), 
	FOREIGN KEY(attempt_id) REFERENCES attempts (id) ON DELETE CASCADE
);
INSERT INTO "responses" VALUES(1,'p3Zq8LwX0bVt5NkRj2YdAg','members','choice','context','["12"]','correct',1.0,1.0,'','2024-09-02 08:11:00.000000');
CREATE TABLE schema_migrations (
	name VARCHAR(100) NOT NULL, 
	applied_at DATETIME NOT NULL, 
	PRIMARY KEY (name)
);
INSERT INTO "schema_migrations" VALUES('0001_initial_tables','2024-09-02 07:55:00.000000');
CREATE TABLE students (
	id INTEGER NOT NULL, 
	class_id INTEGER NOT NULL, 
	display_name VARCHAR(100) NOT NULL, 
	name_key VARCHAR(100) NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_student_name_in_class UNIQUE (class_id, name_key), 
	FOREIGN KEY(class_id) REFERENCES classes (id) ON DELETE CASCADE
);
INSERT INTO "students" VALUES(1,1,'Ana Müller','ana muller','2024-09-02 08:05:00.000000');
CREATE INDEX ix_attempts_quiz_id ON attempts (quiz_id);
CREATE INDEX ix_responses_question_id ON responses (question_id);
COMMIT;
