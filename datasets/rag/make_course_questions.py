import json,re,glob
Q=[
("00-setup-and-tensors","1","Which dtype do token ids and counts usually have?","paraphrase"),
("00-setup-and-tensors","2","What happens when a column of shape [3, 1] is added to a row of shape [1, 4]?","paraphrase"),
("00-setup-and-tensors","5","Why can a training loop run out of native memory before the garbage collector notices, and what frees the temporary tensors?","paraphrase"),
("00-setup-and-tensors","8","What does setting quick to true change when a notebook runs in CI?","paraphrase"),
("00-setup-and-tensors","6","How do I get an independent reproducible stream of random numbers for sampling?","paraphrase"),
("01-learning-paradigms-and-the-neuron","3","How does k-means group images without labels and what quantity does each round lower?","paraphrase"),
("01-learning-paradigms-and-the-neuron","4","How does principal component analysis squeeze 64 dimensions into 2?","paraphrase"),
("01-learning-paradigms-and-the-neuron","9","Why can a single perceptron never learn XOR?","paraphrase"),
("01-learning-paradigms-and-the-neuron","6","What reward does the agent get for reaching the goal or falling into a pit in the grid world?","paraphrase"),
("01-learning-paradigms-and-the-neuron","2","What are the four elements every supervised learner has?","paraphrase"),
("02-gradient-descent-from-scratch","2","What is the gradient of the mean squared error of a linear model, worked out by hand?","paraphrase"),
("02-gradient-descent-from-scratch","4","Above which learning rate does gradient descent diverge on a quadratic loss?","paraphrase"),
("02-gradient-descent-from-scratch","5","What is the difference between a step and an epoch in mini-batch SGD?","paraphrase"),
("03-training-neural-networks-well","2","What goes wrong if every weight of a network starts at zero?","paraphrase"),
("03-training-neural-networks-well","3","Which variance do Xavier and He initialisation choose for the weights?","paraphrase"),
("03-training-neural-networks-well","5","Why do the first layers of a deep sigmoid network hardly learn?","paraphrase"),
("03-training-neural-networks-well","6","What update rules do SGD, momentum and Adam use on the Rosenbrock function?","paraphrase"),
("03-training-neural-networks-well","8","Over what do batch norm and layer norm take their mean and variance?","paraphrase"),
("03-training-neural-networks-well","10","How do dropout and early stopping counter overfitting?","paraphrase"),
("04-text-and-tokenisation","6","How does byte-pair encoding learn which symbols to merge?","paraphrase"),
("04-text-and-tokenisation","3","How does TF-IDF weigh the words of a document?","paraphrase"),
("04-text-and-tokenisation","8","Why is an embedding layer the same as a one-hot vector times a matrix?","paraphrase"),
("04-text-and-tokenisation","7","What are special tokens such as padding and end of sequence used for?","paraphrase"),
("05-bigram-language-model","3","How is a table of pair counts turned into next-character probabilities?","paraphrase"),
("05-bigram-language-model","6","How is perplexity computed from the negative log-likelihood and how is it read?","paraphrase"),
("05-bigram-language-model","7","How does adding a pseudo-count remove the zeros of the bigram model?","paraphrase"),
("05-bigram-language-model","9","What can the bigram model not do?","paraphrase"),
("06-mlp-language-model-and-decoding","2","How does the MLP language model combine the embeddings of the three context characters?","paraphrase"),
("06-mlp-language-model-and-decoding","6","How do greedy decoding, temperature, top-k and nucleus sampling differ?","paraphrase"),
("06-mlp-language-model-and-decoding","4","How can we look at what the character embeddings learned?","paraphrase"),
("07-rnn-lstm-gru","3","What do the forget, input and output gates of an LSTM decide?","paraphrase"),
("07-rnn-lstm-gru","4","How many weights does an LSTM layer have for input size I and H units?","paraphrase"),
("07-rnn-lstm-gru","5","Why does a plain RNN forget inputs from many steps ago while an LSTM can remember them?","paraphrase"),
("07-rnn-lstm-gru","7","Why does a bag of words confuse I hate cinema but love books with its reverse?","paraphrase"),
("08-seq2seq-and-attention","3","What is the difference between teacher forcing and free running when training a decoder?","paraphrase"),
("08-seq2seq-and-attention","4","How does translation accuracy of the encoder-decoder without attention fall with input length?","paraphrase"),
("08-seq2seq-and-attention","7","How does BLEU compare a translation with references?","paraphrase"),
("08-seq2seq-and-attention","6","What does beam search keep that greedy decoding throws away?","paraphrase"),
("09-transformer-building-blocks","1","What are the query, key and value vectors in attention and why divide by the square root of the head size?","paraphrase"),
("09-transformer-building-blocks","2","How does the causal mask stop a position from seeing later tokens?","paraphrase"),
("09-transformer-building-blocks","3","How do multi-query and grouped-query attention save memory compared with multi-head attention?","paraphrase"),
("09-transformer-building-blocks","4","How do sinusoidal, learned and rotary position encodings tell attention about order?","paraphrase"),
("09-transformer-building-blocks","7","Why does attention cost grow quadratically with sequence length and what do sliding windows do about it?","paraphrase"),
("10-gpt-from-scratch","2","How many parameters does each GPT block have for width d?","paraphrase"),
("10-gpt-from-scratch","5","How does the KV cache speed up generation?","paraphrase"),
("10-gpt-from-scratch","3","Which optimiser and learning-rate schedule train the GPT on Austen?","paraphrase"),
("14-cnns-and-computer-vision","3","What is the output size of a convolution with kernel k, stride s and padding p?","paraphrase"),
("14-cnns-and-computer-vision","4","What does max pooling do to the height and width of a feature map?","paraphrase"),
("14-cnns-and-computer-vision","8","Why do feature maps move with a shifted image while the prediction stays the same?","paraphrase"),
("14-cnns-and-computer-vision","9","What are localisation, detection and segmentation in computer vision?","paraphrase"),
("15-vision-transformer","1","How many patches does a 28 by 28 image give with patch size 7?","paraphrase"),
("15-vision-transformer","2","What is the class token of the vision transformer for?","paraphrase"),
("15-vision-transformer","5","How did ImageGPT treat pixels as tokens?","paraphrase"),
("16-autoencoders","5","How is a denoising autoencoder trained?","paraphrase"),
("16-autoencoders","6","How can an autoencoder detect anomalies?","paraphrase"),
("16-autoencoders","7","What problems does the 2-D latent space of a plain autoencoder have?","paraphrase"),
("16-autoencoders","4","How do we choose the number of latent dimensions of an autoencoder?","paraphrase"),
("17-variational-autoencoder","1","Why do we need the reparameterisation trick to train a VAE?","paraphrase"),
("17-variational-autoencoder","2","What is the closed form of the KL divergence between the encoder's Gaussian and the standard normal prior?","paraphrase"),
("17-variational-autoencoder","8","What happens when we interpolate between the codes of two images in a VAE?","paraphrase"),
("17-variational-autoencoder","9","How is an attribute vector such as ankle boot minus sneaker made and used?","paraphrase"),
("18-generative-adversarial-networks","2","How is the Fréchet distance between two sets of features computed?","paraphrase"),
("18-generative-adversarial-networks","3","Why does the generator use the non-saturating loss instead of the original minimax loss?","paraphrase"),
("18-generative-adversarial-networks","5","How does a DCGAN generator upsample with transposed convolutions?","paraphrase"),
("18-generative-adversarial-networks","9","What is mode collapse and how do we see it?","paraphrase"),
("18-generative-adversarial-networks","8","What happens when the discriminator is too strong?","paraphrase"),
("19-diffusion-ddpm-ddim","2","How can we jump from a clean image to any noise step in the forward process?","paraphrase"),
("19-diffusion-ddpm-ddim","3","Why does the cosine schedule work better than the linear schedule with only 200 steps?","paraphrase"),
("19-diffusion-ddpm-ddim","5","What does the DDPM training loop predict and with which loss?","paraphrase"),
("19-diffusion-ddpm-ddim","7","How does DDIM sample with far fewer steps than DDPM?","paraphrase"),
# exact-match queries: a name or a number that appears in one section
("08-seq2seq-and-attention","1","DateTranslation.Generate","exact"),
("14-cnns-and-computer-vision","6","CnnClassifier.cs","exact"),
("07-rnn-lstm-gru","2","RecurrentCells.cs","exact"),
("19-diffusion-ddpm-ddim","4","UNet.cs","exact"),
("10-gpt-from-scratch","4","Gpt.Generate SamplingOptions","exact"),
("00-setup-and-tensors","3","Devices.Pick","exact"),
("08-seq2seq-and-attention","2","Seq2SeqGru.cs","exact"),
("07-rnn-lstm-gru","8","NamesDataset.LoadSplits","exact"),
]
secs={}
for f in glob.glob('notebooks/*.ipynb'):  # run from the repository root
    nb=json.load(open(f)); name=f.split('/')[1][:-6]
    for c in nb['cells']:
        if c['cell_type']!='markdown': continue
        for l in ''.join(c['source']).split('\n'):
            m=re.match(r'^## (\d+) · (.*)$',l)
            if m: secs[(name,m.group(1))]=l[3:].strip()
out=[]
for i,(nb,n,q,kind) in enumerate(Q):
    s=secs[(nb,n)]
    out.append({"id":f"q{i+1:02d}","question":q,"notebook":nb,"section":s,"kind":kind})
json.dump({"description":"Questions about the course's own notebooks, each labelled with the notebook section (## heading) that answers it. See datasets/README.md (rag/course-questions.json).","questions":out},open('datasets/rag/course-questions.json','w'),indent=1,ensure_ascii=False)
open('datasets/rag/course-questions.json','a').write('\n')
print(len(out), sum(1 for o in out if o['kind']=='exact'))
