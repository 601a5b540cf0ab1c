import { createApp } from '../src/app';

// `cdk synth` (npm run synth) runs this; the context comes from ecs/cdk.json and -c flags.
createApp().app.synth();
