process.env.R2W_TEST_PROVIDER = 'sqlite';
