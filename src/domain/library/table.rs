//! The library's rows: every exercise, ladder by ladder, each ladder's rungs together and
//! easiest first (the build checks the first; the tests the second).

use super::*;
use crate::domain::equipment::Equipment::{
    Bands as BND, Barbell as BB, Bodyweight as BW, Cable as CB, Dumbbells as DB, Kettlebell as KB,
};
use Ladder as L;
use Measure::{Minutes, Reps, Seconds};

pub(super) const TABLE: &[Exercise] = &[
    // Hip hinge
    Exercise::new(
        "wall-hip-hinge",
        "Wall hip hinge",
        L::Hinge,
        &[BW],
        Reps,
        (8, 12),
        1,
    )
    .tempo("3-1-2")
    .cues(&[
        "Stand a foot from a wall and reach your hips back until they touch it",
        "Knees soft, shins nearly upright",
        "Squeeze your glutes to stand tall",
    ])
    .shorter("Stand closer to the wall so the hips travel less"),
    Exercise::new(
        "dowel-hinge",
        "Dowel hinge drill",
        L::Hinge,
        &[BW],
        Reps,
        (8, 12),
        1,
    )
    .tempo("3-1-2")
    .cues(&[
        "Hold a broomstick along your back: head, upper back and tailbone touch it",
        "Push the hips back until you feel the hamstrings",
        "Keep all three contact points as you return",
    ])
    .shorter("Stop the hinge as soon as the stick starts to leave any point"),
    Exercise::new(
        "band-pull-through",
        "Band pull-through",
        L::Hinge,
        &[BND],
        Reps,
        (10, 15),
        1,
    )
    .movement("pull-through")
    .tempo("2-1-1")
    .cues(&[
        "Band anchored low behind you, handle between the legs",
        "Let the band pull your hips back",
        "Drive forward with the glutes, not the lower back",
    ])
    .shorter("Step closer to the anchor and hinge less deeply"),
    Exercise::new(
        "kb-deadlift",
        "Kettlebell deadlift",
        L::Hinge,
        &[KB, DB],
        Reps,
        (8, 12),
        1,
    )
    .movement("deadlift")
    .tempo("3-1-1")
    .cues(&[
        "Bell between your feet, hips back, chest proud",
        "Brace as if about to be poked in the belly",
        "Push the floor away and finish with your glutes",
    ])
    .shorter("Lift the bell from a step or a stack of plates"),
    Exercise::new(
        "cable-pull-through",
        "Cable pull-through",
        L::Hinge,
        &[CB],
        Reps,
        (10, 15),
        2,
    )
    .movement("pull-through")
    .tempo("2-1-1")
    .cues(&[
        "Face away from a low pulley, rope between the legs",
        "Reach the hips back, spine long",
        "Stand up by squeezing the glutes",
    ])
    .shorter("Hinge only to where your back stays quiet"),
    Exercise::new(
        "db-rdl",
        "Romanian deadlift with dumbbells",
        L::Hinge,
        &[DB, KB],
        Reps,
        (8, 12),
        2,
    )
    .movement("romanian-deadlift")
    .tempo("3-1-1")
    .cues(&[
        "Weights slide down the front of the thighs",
        "Hips back until the hamstrings stretch, not the back",
        "Stand up tall without leaning back",
    ])
    .shorter("Stop at the knees instead of mid-shin"),
    Exercise::new(
        "barbell-rdl",
        "Barbell Romanian deadlift",
        L::Hinge,
        &[BB],
        Reps,
        (6, 10),
        2,
    )
    .movement("romanian-deadlift")
    .tempo("3-1-1")
    .cues(&[
        "Start standing, bar close to the body",
        "Push the hips back, bar stays on the thighs",
        "Shoulders pulled down, back long",
    ])
    .shorter("Lower to just below the knees"),
    Exercise::new(
        "low-load-good-morning",
        "Good morning, light",
        L::Hinge,
        &[BND, BW],
        Reps,
        (8, 12),
        2,
    )
    .tempo("3-1-1")
    .cues(&[
        "Band under the feet and over the shoulders, or hands on the chest",
        "Soft knees, hips back, back long",
        "Come up as the hamstrings tighten",
    ])
    .shorter("Hinge to 45 degrees instead of parallel"),
    Exercise::new(
        "barbell-deadlift",
        "Barbell deadlift",
        L::Hinge,
        &[BB],
        Reps,
        (3, 6),
        3,
    )
    .movement("deadlift")
    .tempo("2-1-1")
    .cues(&[
        "Bar over the middle of the foot, shins close",
        "Take the slack out of the bar before it leaves the floor",
        "Push the floor away; lock out with the glutes",
    ])
    .shorter("Pull from blocks or pins at knee height")
    .careful(),
    Exercise::new(
        "kb-swing",
        "Kettlebell swing",
        L::Hinge,
        &[KB],
        Reps,
        (10, 15),
        3,
    )
    .cues(&[
        "Warm up first: this one is fast",
        "Snap the hips, the arms only guide the bell",
        "Let the bell float; never pull it up with the back",
    ])
    .shorter("Smaller swings, to chest height at most")
    .careful(),
    // Squat, pain-adapted
    Exercise::new(
        "sit-to-stand",
        "Sit to stand",
        L::Squat,
        &[BW],
        Reps,
        (8, 15),
        1,
    )
    .tempo("3-1-1")
    .cues(&[
        "Sit on a firm chair, feet under the knees",
        "Lean forward a little and stand without using the hands",
        "Sit down slowly, as if the chair might move",
    ])
    .shorter("Use a higher seat or a cushion"),
    Exercise::new(
        "box-squat",
        "Box squat",
        L::Squat,
        &[BW, DB, KB],
        Reps,
        (8, 12),
        1,
    )
    .movement("box-squat")
    .tempo("3-1-1")
    .cues(&[
        "Sit back to a box at a height that feels easy",
        "Touch, do not collapse",
        "Depth is optional, control is not",
    ])
    .shorter("Raise the box"),
    Exercise::new(
        "goblet-squat",
        "Goblet squat",
        L::Squat,
        &[KB, DB],
        Reps,
        (8, 12),
        2,
    )
    .movement("squat")
    .tempo("3-1-1")
    .cues(&[
        "Hold the weight at the chest, elbows down",
        "Knees follow the toes",
        "Go only as deep as you stay in control",
    ])
    .shorter("Squat to a box or bench"),
    Exercise::new(
        "step-up",
        "Step-up",
        L::Squat,
        &[DB, KB, BW],
        Reps,
        (8, 12),
        2,
    )
    .tempo("2-1-2")
    .cues(&[
        "Whole foot on a stable step",
        "Push through the front heel; the back leg only helps",
        "Step down slowly",
    ])
    .shorter("Use a lower step")
    .sides(),
    Exercise::new(
        "split-squat",
        "Split squat",
        L::Squat,
        &[DB, KB, BW],
        Reps,
        (8, 12),
        2,
    )
    .movement("split-squat")
    .tempo("3-1-1")
    .cues(&[
        "Long stance, back heel up",
        "Drop the back knee straight down",
        "Trunk tall, weight over the front foot",
    ])
    .shorter("Lower only halfway")
    .sides(),
    Exercise::new(
        "rear-foot-split-squat",
        "Rear-foot-elevated split squat",
        L::Squat,
        &[DB, KB, BW],
        Reps,
        (6, 10),
        3,
    )
    .movement("split-squat")
    .tempo("3-1-1")
    .cues(&[
        "Back foot on a bench, front foot far enough forward",
        "Lower under control",
        "Keep the hips square",
    ])
    .shorter("Lower the bench or the depth")
    .sides(),
    Exercise::new(
        "barbell-box-squat",
        "Barbell box squat",
        L::Squat,
        &[BB],
        Reps,
        (5, 8),
        3,
    )
    .movement("box-squat")
    .tempo("3-1-1")
    .cues(&[
        "Bar on the upper back, hands firm",
        "Sit back to the box with control",
        "Brace before each rep",
    ])
    .shorter("Raise the box"),
    Exercise::new(
        "barbell-back-squat",
        "Barbell back squat",
        L::Squat,
        &[BB],
        Reps,
        (3, 6),
        3,
    )
    .movement("squat")
    .tempo("3-1-1")
    .cues(&[
        "Ramp up in small jumps",
        "Brace, then break at hips and knees together",
        "Stop well short of a grind",
    ])
    .shorter("Squat to a box")
    .careful(),
    // Glutes
    Exercise::new(
        "glute-bridge",
        "Glute bridge",
        L::Glute,
        &[BW],
        Reps,
        (10, 15),
        1,
    )
    .movement("bridge")
    .tempo("2-2-1")
    .cues(&[
        "Lie on your back, feet flat, knees bent",
        "Press through the heels and lift the hips",
        "Hold at the top, ribs down",
    ])
    .shorter("Lift only halfway"),
    Exercise::new(
        "single-leg-bridge",
        "Single-leg glute bridge",
        L::Glute,
        &[BW],
        Reps,
        (8, 12),
        1,
    )
    .movement("bridge")
    .tempo("2-2-1")
    .cues(&[
        "One foot down, the other knee to the chest",
        "Lift the hips level",
        "Lower slowly",
    ])
    .shorter("Lift only halfway")
    .sides(),
    Exercise::new(
        "hip-thrust",
        "Hip thrust",
        L::Glute,
        &[BB, DB, BW],
        Reps,
        (8, 12),
        2,
    )
    .tempo("2-2-1")
    .cues(&[
        "Upper back on a bench, weight on the hips",
        "Chin tucked, drive through the heels",
        "Finish with glutes, not an arched back",
    ])
    .shorter("Lift to three quarters"),
    Exercise::new(
        "single-leg-rdl",
        "Single-leg Romanian deadlift",
        L::Glute,
        &[DB, KB, BW],
        Reps,
        (6, 10),
        2,
    )
    .tempo("3-1-1")
    .start(6000)
    .cues(&[
        "Hand on a wall at first if balance is shaky",
        "Hips square, back leg long",
        "Hinge until the standing hamstring stretches",
    ])
    .shorter("Hinge less far")
    .sides(),
    Exercise::new(
        "reverse-lunge",
        "Reverse lunge",
        L::Glute,
        &[DB, KB, BW],
        Reps,
        (8, 12),
        2,
    )
    .tempo("2-1-1")
    .cues(&[
        "Step back, drop the back knee",
        "Front shin stays near upright",
        "Push through the front foot to return",
    ])
    .shorter("Shorter step, less depth")
    .sides(),
    Exercise::new(
        "lateral-band-walk",
        "Lateral band walk",
        L::Glute,
        &[BND],
        Reps,
        (10, 15),
        1,
    )
    .cues(&[
        "Band above the knees, slight squat",
        "Step sideways, toes forward",
        "Keep tension on the band the whole way",
    ])
    .shorter("Smaller steps")
    .sides(),
    Exercise::new(
        "cable-kickback",
        "Cable kickback",
        L::Glute,
        &[CB, BND],
        Reps,
        (10, 15),
        2,
    )
    .tempo("2-1-1")
    .start(5000)
    .cues(&[
        "Strap at the ankle, hold the frame",
        "Push the leg back without arching",
        "Squeeze at the end",
    ])
    .shorter("Smaller movement behind you")
    .sides(),
    // Core: resist extension
    Exercise::new(
        "brace-breathing",
        "Bracing practice",
        L::CoreFront,
        &[BW],
        Seconds,
        (20, 40),
        1,
    )
    .cues(&[
        "On your back, knees bent",
        "Tighten the belly all round, breathe behind the brace",
        "Firm, not maximal",
    ]),
    Exercise::new(
        "dead-bug",
        "Dead bug",
        L::CoreFront,
        &[BW],
        Reps,
        (6, 12),
        1,
    )
    .tempo("3-0-3")
    .cues(&[
        "Back gently pressed to the floor",
        "Reach one arm and the opposite leg away slowly",
        "Exhale as you reach",
    ])
    .shorter("Move only the legs, or only tap the heel")
    .sides(),
    Exercise::new(
        "front-plank-knees",
        "Front plank on knees",
        L::CoreFront,
        &[BW],
        Seconds,
        (20, 40),
        1,
    )
    .movement("front-plank")
    .cues(&[
        "Forearms under shoulders",
        "A straight line from knees to head",
        "Breathe; stop when the hips sag",
    ]),
    Exercise::new(
        "front-plank",
        "Front plank",
        L::CoreFront,
        &[BW],
        Seconds,
        (20, 45),
        2,
    )
    .movement("front-plank")
    .cues(&[
        "Feet, hips and shoulders in one line",
        "Squeeze glutes and quads",
        "Stop before the back takes over",
    ]),
    Exercise::new(
        "ab-rollout",
        "Kneeling rollout",
        L::CoreFront,
        &[BW],
        Reps,
        (6, 10),
        3,
    )
    .tempo("3-1-2")
    .cues(&[
        "Roll out only as far as the back stays flat",
        "Pull back with the belly",
        "Short and clean beats long and sagging",
    ])
    .shorter("Roll out toward a wall that stops you"),
    Exercise::new("sit-up", "Sit-up", L::CoreFront, &[BW], Reps, (8, 12), 3)
        .cues(&[
            "Kept for later: high-rep sit-ups are careful for now",
            "Slow, few reps, never when tired",
        ])
        .careful(),
    // Core: resist rotation
    Exercise::new(
        "bird-dog",
        "Bird dog",
        L::CoreRotation,
        &[BW],
        Reps,
        (6, 10),
        1,
    )
    .tempo("2-2-2")
    .cues(&[
        "Hands under shoulders, knees under hips",
        "Reach the opposite arm and leg long, not high",
        "Keep a cup of tea balanced on your back",
    ])
    .shorter("Reach only a leg, or only an arm")
    .sides(),
    Exercise::new(
        "kneeling-pallof",
        "Kneeling Pallof press",
        L::CoreRotation,
        &[BND, CB],
        Reps,
        (8, 12),
        1,
    )
    .movement("pallof-press")
    .tempo("2-2-2")
    .start(5000)
    .cues(&[
        "Kneel side-on to the anchor",
        "Press the hands straight out and hold",
        "Do not let the band turn you",
    ])
    .shorter("Press out only halfway")
    .sides(),
    Exercise::new(
        "pallof-press",
        "Standing Pallof press",
        L::CoreRotation,
        &[CB, BND],
        Reps,
        (8, 12),
        2,
    )
    .movement("pallof-press")
    .tempo("2-2-2")
    .start(5000)
    .cues(&[
        "Stand side-on, feet hip-width",
        "Press out, hold, bring back",
        "Hips and ribs stay facing forward",
    ])
    .shorter("Press out only halfway")
    .sides(),
    Exercise::new(
        "russian-twist",
        "Fast twist",
        L::CoreRotation,
        &[BW],
        Reps,
        (8, 12),
        3,
    )
    .cues(&[
        "Kept for later: fast twisting is careful for now",
        "Slow and small when it returns",
    ])
    .careful(),
    // Core: resist side bending
    Exercise::new(
        "side-plank-knees",
        "Side plank on knees",
        L::CoreSide,
        &[BW],
        Seconds,
        (15, 30),
        1,
    )
    .movement("side-plank")
    .cues(&[
        "Elbow under shoulder, knees bent",
        "Lift the hips in line",
        "Breathe and hold",
    ])
    .sides(),
    Exercise::new(
        "side-plank",
        "Side plank",
        L::CoreSide,
        &[BW],
        Seconds,
        (15, 40),
        2,
    )
    .movement("side-plank")
    .cues(&[
        "Feet stacked or staggered",
        "Push the floor away",
        "Hips high, body in one line",
    ])
    .sides(),
    Exercise::new(
        "side-plank-leg-lift",
        "Side plank with leg lift",
        L::CoreSide,
        &[BW],
        Seconds,
        (15, 30),
        3,
    )
    .movement("side-plank")
    .cues(&[
        "Hold the side plank",
        "Lift the top leg slowly",
        "Keep the hips still",
    ])
    .sides(),
    // Carries
    Exercise::new(
        "bag-carry",
        "Shopping-bag carry",
        L::Carry,
        &[BW],
        Seconds,
        (30, 60),
        1,
    )
    .movement("two-hand-carry")
    .cues(&[
        "A filled bag or water bottles in each hand",
        "Walk tall with short steps",
        "Put them down before your posture slips",
    ]),
    Exercise::new(
        "farmer-carry",
        "Farmer carry",
        L::Carry,
        &[DB, KB],
        Seconds,
        (30, 60),
        2,
    )
    .movement("two-hand-carry")
    .cues(&[
        "A weight in each hand, stand tall",
        "Short quick steps",
        "Shoulders down, ribs down",
    ]),
    Exercise::new(
        "suitcase-carry",
        "Suitcase carry",
        L::Carry,
        &[KB, DB],
        Seconds,
        (20, 45),
        2,
    )
    .cues(&[
        "One weight on one side",
        "Do not lean toward or away from it",
        "Walk slowly and evenly",
    ])
    .sides(),
    Exercise::new(
        "goblet-carry",
        "Goblet carry",
        L::Carry,
        &[KB, DB],
        Seconds,
        (30, 60),
        2,
    )
    .cues(&[
        "Weight at the chest, elbows in",
        "Brace and walk tall",
        "Breathe behind the brace",
    ]),
    Exercise::new(
        "front-rack-carry",
        "Front-rack carry",
        L::Carry,
        &[KB],
        Seconds,
        (20, 45),
        3,
    )
    .cues(&[
        "Bells resting on the forearms at shoulder height",
        "Ribs down, do not lean back",
        "Set them down before form slips",
    ]),
    // Upper back: pulls
    Exercise::new(
        "doorframe-row",
        "Doorframe row",
        L::UpperPull,
        &[BW],
        Reps,
        (8, 15),
        1,
    )
    .tempo("2-1-2")
    .cues(&[
        "Hold a sturdy doorframe, lean back a little",
        "Pull the chest to the frame, elbows close",
        "Body straight",
    ])
    .shorter("Lean back less"),
    Exercise::new(
        "band-row",
        "Band row",
        L::UpperPull,
        &[BND],
        Reps,
        (10, 15),
        1,
    )
    .movement("anchored-row")
    .tempo("2-1-2")
    .cues(&[
        "Band anchored at chest height",
        "Pull elbows back past the ribs",
        "Shoulders away from the ears",
    ])
    .shorter("Pull only halfway"),
    Exercise::new(
        "one-arm-db-row",
        "One-arm dumbbell row",
        L::UpperPull,
        &[DB, KB],
        Reps,
        (8, 12),
        2,
    )
    .tempo("2-1-2")
    .cues(&[
        "Hand and knee on a bench, back long",
        "Pull the weight toward the hip",
        "Lower with control",
    ])
    .shorter("Pull to the ribs instead of the hip")
    .sides(),
    Exercise::new(
        "seated-cable-row",
        "Seated cable row",
        L::UpperPull,
        &[CB],
        Reps,
        (8, 12),
        2,
    )
    .movement("anchored-row")
    .tempo("2-1-2")
    .cues(&[
        "Sit tall, slight bend in the knees",
        "Pull to the belly without rocking",
        "Let the shoulder blades move",
    ])
    .shorter("Shorter pull"),
    Exercise::new(
        "lat-pulldown",
        "Lat pulldown",
        L::UpperPull,
        &[CB],
        Reps,
        (8, 12),
        2,
    )
    .tempo("2-1-2")
    .cues(&[
        "Thighs under the pad",
        "Pull the bar to the upper chest",
        "Do not lean far back",
    ])
    .shorter("Pull to the chin only"),
    // Upper back: rear shoulders
    Exercise::new(
        "prone-y-raise",
        "Prone Y raise",
        L::UpperRear,
        &[BW],
        Reps,
        (8, 15),
        1,
    )
    .tempo("2-1-2")
    .cues(&[
        "Lie face down, arms in a Y",
        "Lift the thumbs a few centimetres",
        "Shoulder blades down and back",
    ])
    .shorter("Lift the arms less"),
    Exercise::new(
        "face-pull",
        "Face pull",
        L::UpperRear,
        &[CB, BND],
        Reps,
        (12, 20),
        2,
    )
    .tempo("2-1-2")
    .start(5000)
    .cues(&[
        "Rope or band at face height",
        "Pull toward the forehead, elbows high",
        "Finish with the thumbs pointing back",
    ])
    .shorter("Shorter pull"),
    Exercise::new(
        "reverse-fly",
        "Reverse fly",
        L::UpperRear,
        &[DB],
        Reps,
        (10, 15),
        2,
    )
    .tempo("2-1-2")
    .start(3000)
    .cues(&[
        "Chest on an incline bench",
        "Open the arms wide with soft elbows",
        "Light weights, slow return",
    ])
    .shorter("Open the arms halfway"),
    Exercise::new(
        "band-pull-apart",
        "Band pull-apart",
        L::UpperRear,
        &[BND],
        Reps,
        (12, 20),
        1,
    )
    .tempo("2-1-2")
    .cues(&[
        "Arms straight at chest height",
        "Pull the band to the chest",
        "Control the return",
    ])
    .shorter("Pull apart halfway"),
    // Mobility, 5–8 minutes a day
    Exercise::new(
        "cat-camel",
        "Cat–camel",
        L::Mobility,
        &[BW],
        Reps,
        (6, 10),
        1,
    )
    .cues(&[
        "On hands and knees",
        "Round and arch gently, within comfort",
        "Move with the breath",
    ]),
    Exercise::new(
        "hip-flexor-stretch",
        "Half-kneeling hip flexor stretch",
        L::Mobility,
        &[BW],
        Seconds,
        (30, 45),
        1,
    )
    .cues(&[
        "One knee down on a cushion",
        "Tuck the tail, shift forward a little",
        "Feel it at the front of the hip",
    ])
    .sides(),
    Exercise::new(
        "ninety-ninety",
        "90/90 hip switch",
        L::Mobility,
        &[BW],
        Reps,
        (6, 10),
        1,
    )
    .cues(&[
        "Seated, both knees bent to one side",
        "Turn the knees to the other side",
        "Use the hands behind you as needed",
    ]),
    Exercise::new(
        "open-book",
        "Open book",
        L::Mobility,
        &[BW],
        Reps,
        (6, 10),
        1,
    )
    .cues(&[
        "Lie on your side, knees bent and together",
        "Open the top arm across to the other side",
        "Follow the hand with the eyes",
    ])
    .sides(),
    Exercise::new(
        "thread-the-needle",
        "Thread the needle",
        L::Mobility,
        &[BW],
        Reps,
        (6, 10),
        1,
    )
    .cues(&[
        "On hands and knees",
        "Slide one arm under the body",
        "Then open it to the ceiling",
    ])
    .sides(),
    Exercise::new(
        "ankle-rock",
        "Ankle rocks",
        L::Mobility,
        &[BW],
        Reps,
        (10, 15),
        1,
    )
    .cues(&[
        "Half-kneeling facing a wall",
        "Push the front knee toward the wall",
        "Heel stays down",
    ])
    .sides(),
    Exercise::new(
        "hamstring-floss",
        "Hamstring floss",
        L::Mobility,
        &[BW],
        Reps,
        (8, 12),
        1,
    )
    .cues(&[
        "On your back, hold behind one knee",
        "Straighten and bend the knee slowly",
        "Stop at a gentle stretch",
    ])
    .sides(),
    Exercise::new(
        "figure-four",
        "Figure-four stretch",
        L::Mobility,
        &[BW],
        Seconds,
        (30, 45),
        1,
    )
    .cues(&[
        "On your back, ankle over the other knee",
        "Pull the lower leg in",
        "Relax the shoulders",
    ])
    .sides(),
    // Walking
    Exercise::new(
        "easy-walk",
        "Easy walk",
        L::Walking,
        &[BW],
        Minutes,
        (5, 10),
        1,
    )
    .cues(&[
        "Comfortable pace",
        "Let the arms swing",
        "Stop if the pain climbs",
    ]),
    Exercise::new(
        "brisk-walk",
        "Brisk walk",
        L::Walking,
        &[BW],
        Minutes,
        (10, 30),
        1,
    )
    .cues(&[
        "Fast enough to breathe harder but still talk",
        "Tall posture, relaxed shoulders",
        "Never push through pain to finish",
    ]),
    Exercise::new(
        "hill-walk",
        "Hill or incline walk",
        L::Walking,
        &[BW],
        Minutes,
        (15, 30),
        2,
    )
    .cues(&[
        "Shorter steps uphill",
        "Walk down slowly",
        "Keep the pace easy on the first hill",
    ]),
];
